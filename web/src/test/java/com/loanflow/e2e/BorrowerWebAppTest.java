package com.loanflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.loanflow.workers.identity.sandbox.SandboxIdCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The borrower web app (/app/) driven in headless Chromium, the way a borrower uses it: register with the three
 * consents, verify identity with two uploaded photos, apply, read the contract, sign with the SMS code, watch the
 * payout, repay to SETTLED. Bad input shows the API's field-level message beside the field and creates nothing;
 * raw personal data never appears on a page; the strict CSP is never violated.
 * <p>Needs Debian's chromium and chromium-driver ({@code .ci/run} installs them). Without them the test is skipped on
 * a developer machine and fails under CI, so CI cannot pass without running it.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BorrowerWebAppTest {

    static final String NAME = "孙八";
    static final String ID_NUMBER = "110105199305120016";
    static final String PHONE = "13800000006";
    static final String MASKED_PHONE = "138****0006";
    static final String CARD = "6222020000000056";
    static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    static Path files;

    WebDriver browser;
    WebDriverWait wait;
    Api api;

    @BeforeAll
    void startBrowser() {
        Path chromium = Path.of(System.getProperty("loanflow.test.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("loanflow.test.chromedriver", "/usr/bin/chromedriver"));
        boolean installed = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("CI installs chromium and chromium-driver (.ci/run)").isTrue();
        }
        assumeTrue(installed, "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // flags for a closed network and a root sandbox, as the machine notes prescribe
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=480,1000", "--user-data-dir=" + files.resolve("profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = waitUpTo(WAIT);
        api = new Api(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aBorrowerGoesFromRegistrationToASettledLoanInTheBrowser() throws Exception {
        int borrowersBefore = count("SELECT COUNT(*) FROM borrower");
        open("#/register");

        // 1. bad input: the API's field messages appear at the fields, and nobody is registered
        type("phone", "12345");
        type("password", "short");
        submit("register-form");
        fieldError("phone");
        fieldError("password");
        fieldError("consents");
        screenshot("1-register-refused");
        assertThat(count("SELECT COUNT(*) FROM borrower")).isEqualTo(borrowersBefore);

        // 2. register with every consent, then the app logs in and asks for identity
        type("phone", PHONE);
        type("password", "Passw0rd!0006");
        for (WebElement consent : browser.findElements(By.cssSelector("#register-form input[name=consents]"))) {
            consent.click();
        }
        submit("register-form");
        wait.until(ExpectedConditions.urlContains("#/identity"));
        String borrowerId = jdbc.queryForObject("SELECT id FROM borrower WHERE phone_masked = ?", String.class,
                MASKED_PHONE);
        List<Map<String, Object>> consents = jdbc.queryForList(
                "SELECT consent_type, client_ip, user_agent FROM consent WHERE borrower_id = ?", borrowerId);
        assertThat(consents).extracting(c -> c.get("consent_type"))
                .containsExactlyInAnyOrder("PRIVACY_POLICY", "CREDIT_AUTHORIZATION", "SERVICE_AGREEMENT");
        assertThat(consents).allSatisfy(c -> {
            assertThat((String) c.get("client_ip")).isNotBlank();
            assertThat((String) c.get("user_agent")).as("the browser's own user agent").contains("Chrome");
        });

        // 3. identity: name, ID number and two photos chosen from disk, sent as base64 by the page
        Path front = Files.write(files.resolve("id-front.png"), SandboxIdCard.renderFront(NAME, ID_NUMBER, "北京市朝阳区示例路8号"));
        Path selfie = Files.write(files.resolve("selfie.png"), SandboxIdCard.renderSelfie(ID_NUMBER.hashCode()));
        type("name", NAME);
        type("idNumber", ID_NUMBER);
        browser.findElement(By.id("f-idCardFrontImage")).sendKeys(front.toString());
        browser.findElement(By.id("f-selfieImage")).sendKeys(selfie.toString());
        submit("identity-form");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile")));
        assertThat(text("profile-phone")).isEqualTo(MASKED_PHONE);
        assertThat(text("profile-id-number")).startsWith("1101").endsWith("0016").contains("*");

        // 4. apply: the price cap is disclosed first; an amount above the product's maximum is refused at the field
        browser.findElement(By.id("to-apply")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));
        assertThat(text("disclosure")).contains("24.00%").contains("不读取通讯录");
        int applicationsBefore = count("SELECT COUNT(*) FROM loan_application WHERE borrower_id = '" + borrowerId + "'");
        type("amount", "3000.00");
        type("bankCardNumber", CARD);
        submit("apply-form");
        fieldError("amount");
        screenshot("2-apply-refused");
        assertThat(count("SELECT COUNT(*) FROM loan_application WHERE borrower_id = '" + borrowerId + "'"))
                .isEqualTo(applicationsBefore);
        type("amount", "1000");
        submit("apply-form");
        wait.until(ExpectedConditions.urlContains("#/applications/"));
        String applicationId = browser.getCurrentUrl().replaceAll(".*#/applications/", "");

        // 5. the page follows the process to APPROVED on its own, shows the terms and then the contract PDF
        awaitStatus("application-status", "APPROVED");
        assertThat(text("approved-amount")).isEqualTo("¥1,000.00");
        assertThat(text("decision-apr")).matches("\\d{1,2}\\.\\d{2}%");
        WebElement contract = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contract-link")));
        assertThat(contract.getDomAttribute("href")).startsWith("blob:");
        assertThat(Integer.parseInt(contract.getDomAttribute("data-bytes"))).isGreaterThan(10_000);
        screenshot("3-approved");

        // 6. sign with the code from the SMS; a wrong code is refused at the field
        String otp = otp();
        type("otp", otp.equals("000000") ? "111111" : "000000");
        submit("sign-form");
        fieldError("otp");
        type("otp", otp);
        submit("sign-form");
        awaitStatus("application-status", "ACTIVE");
        browser.findElement(By.id("to-loan")).click();

        // 7. the loan: six installments summing to the principal, then settle it in one withholding
        awaitStatus("loan-status", "ACTIVE");
        assertThat(browser.findElements(By.cssSelector("#schedule tbody tr"))).hasSize(6);
        assertThat(text("loan-principal")).isEqualTo("¥1,000.00");
        screenshot("4-loan");
        String loanId = browser.getCurrentUrl().replaceAll(".*#/loans/", "");
        JsonNode loan = api.get("/api/v1/loans/" + loanId, login()).json();
        browser.findElement(By.id("repay-all")).click();
        assertThat(browser.findElement(By.id("f-amount")).getDomProperty("value")).isEqualTo(loan.path("outstanding").asText());
        submit("repay-form");
        awaitStatus("repayment-status", "APPLIED");
        awaitStatus("loan-status", "SETTLED");
        screenshot("5-settled");
        assertThat(count("SELECT COUNT(*) FROM repayment WHERE loan_id = '" + loanId + "' AND status = 'APPLIED'"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM loan_application WHERE id = ?", String.class, applicationId))
                .isEqualTo("SETTLED");

        // 8. the home page lists the application; no page showed raw personal data or broke the CSP
        open("#/home");
        WebElement listed = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#applications a[data-status=SETTLED]")));
        assertThat(listed.getDomAttribute("href")).endsWith(applicationId);
        assertThat(browser.getPageSource()).doesNotContain(PHONE).doesNotContain(ID_NUMBER).doesNotContain(CARD);
        List<String> cspViolations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(cspViolations).isEmpty();
    }

    /** target/borrower-web-app/*.png: what each step looked like, for a person reviewing a change to the app. */
    private void screenshot(String name) throws java.io.IOException {
        Path dir = Files.createDirectories(Path.of("target", "borrower-web-app"));
        Files.write(dir.resolve(name + ".png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private void open(String route) {
        browser.get("http://localhost:" + port + "/app/" + route);
    }

    private void type(String name, String value) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-" + name)));
        input.clear();
        input.sendKeys(value);
    }

    private void submit(String formId) {
        browser.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
    }

    private String text(String id) {
        return wait.until(d -> d.findElement(By.id(id)).getText());
    }

    /** The API's message for that field, shown beside it. */
    private void fieldError(String field) {
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".field-error[data-field^='" + field + "']")));
        assertThat(error.getText()).isNotBlank();
    }

    /** Pages re-render while they follow a status, so an element found a moment ago may be gone: look again. */
    private WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(200));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private void awaitStatus(String id, String status) {
        waitUpTo(WAIT).withMessage(() -> id + " is not " + status)
                .until(d -> d.findElements(By.id(id)).stream().anyMatch(e -> status.equals(e.getDomAttribute("data-status"))));
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private String login() {
        return api.post("/api/v1/sessions", null, Map.of("phone", PHONE, "password", "Passw0rd!0006")).text("token");
    }

    /** The newest signing code sent to the phone (the sandbox SMS outbox, as the README's walkthrough reads it). */
    private String otp() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode outbox = api.get("/sandbox/sms-outbox?phone=" + PHONE, null).json();
            if (outbox != null) {
                for (JsonNode message : outbox) {
                    Matcher code = Pattern.compile("验证码[^0-9]*(\\d{6})").matcher(message.path("body").asText());
                    if (code.find()) {
                        return code.group(1);
                    }
                }
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no signing code was sent to " + MASKED_PHONE);
    }
}

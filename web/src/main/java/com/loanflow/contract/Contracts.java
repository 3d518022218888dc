package com.loanflow.contract;

import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.Applications;
import com.loanflow.application.LoanApplication;
import com.loanflow.borrower.Borrower;
import com.loanflow.borrower.Borrowers;
import com.loanflow.contract.signing.ContractSigner;
import com.loanflow.contract.template.AgreementRef;
import com.loanflow.contract.template.ContractContent;
import com.loanflow.contract.template.ContractRenderer;
import com.loanflow.contract.template.ScheduleLine;
import com.loanflow.loan.AnnualPercentageRate;
import com.loanflow.loan.LoanProduct;
import com.loanflow.loan.RepaymentSchedule;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Renders the loan contract, lets the borrower read it, and signs it (borrower + platform seal) once the OTP checks. */
@Service
public class Contracts {

    /** Encryption context column of signed_pdf_enc (rotation lists it as loan_contract / signed_pdf). */
    static final String SIGNED_PDF = "signed_pdf";

    private final ContractMapper mapper;
    private final ContractRenderer renderer;
    private final ContractSigner signer;
    private final Applications applications;
    private final Borrowers borrowers;
    private final SigningCodes signingCodes;
    private final FieldCipher cipher;
    private final RuntimeService runtime;
    private final Clock clock;
    private final String lenderName;
    private final LoanProduct product;

    /** What the signed contract fixed: the fee deducted from the payout and the disclosed APR (IRR). */
    public record Pricing(BigDecimal serviceFee, BigDecimal irrAprPercent) {
    }

    Contracts(ContractMapper mapper, ContractRenderer renderer, ContractSigner signer, Applications applications, Borrowers borrowers,
              SigningCodes signingCodes, FieldCipher cipher, RuntimeService runtime,
              Clock clock, @Value("${loanflow.lending.lender-name}") String lenderName, LoanProduct product) {
        this.product = product;
        this.mapper = mapper;
        this.renderer = renderer;
        this.signer = signer;
        this.applications = applications;
        this.borrowers = borrowers;
        this.signingCodes = signingCodes;
        this.cipher = cipher;
        this.runtime = runtime;
        this.clock = clock;
        this.lenderName = lenderName;
    }

    /** Idempotent: a retried job finds the contract it already rendered (unique key per application). */
    @Transactional
    public LoanContract prepare(String applicationId) {
        var existing = mapper.findByApplicationId(applicationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        LoanApplication application = applications.get(applicationId);
        Borrower borrower = borrowers.get(application.borrowerId());
        LocalDate today = LocalDate.now(clock);
        List<RepaymentSchedule.Line> schedule = RepaymentSchedule.equalInstallments(application.approvedAmount(),
                application.aprPercent(), application.termMonths(), today);
        BigDecimal totalInterest = RepaymentSchedule.totalInterest(schedule);
        BigDecimal fee = product.serviceFee();
        // refuses (IllegalStateException, the job fails into an incident) a product whose IRR exceeds the cap
        BigDecimal irrApr = AnnualPercentageRate.disclosed(application.approvedAmount(), fee, schedule);
        String id = Ids.newId();
        String number = "LF" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + id.substring(0, 8).toUpperCase();
        byte[] pdf = renderer.render(new ContractContent(number, today, lenderName, borrowers.name(borrower),
                borrowers.idNumber(borrower), borrower.phoneMasked(), application.bankCardMasked(),
                application.approvedAmount(), application.termMonths(), application.aprPercent(), totalInterest,
                application.approvedAmount().add(totalInterest),
                schedule.stream().map(l -> new ScheduleLine(l.seq(), l.dueDate(), l.principal(), l.interest(), l.total()))
                        .toList(),
                citedAgreements(borrower.id()), fee, irrApr,
                LoanProduct.penaltyDailyRatePercent(application.aprPercent())));
        LoanContract contract = new LoanContract(id, applicationId, number, renderer.templateVersion(),
                Base64.getEncoder().encodeToString(cipher.encryptBytes(pdf, FieldCipher.context(LoanContract.TABLE, "pdf", id))),
                sha256(pdf), LoanContract.ContractStatus.PENDING_SIGNATURE, LocalDateTime.now(clock), null, null, null, null,
                null, 0);
        mapper.insert(contract);
        mapper.recordPricing(id, fee, irrApr);
        signingCodes.issue(applicationId, borrowers.phone(borrower), summary(application, irrApr));
        return contract;
    }

    /**
     * The agreements the borrower's consent is in force for, in the versions consented to (a withdrawn face
     * recognition authorization is not cited); the catalog's order.
     */
    private List<AgreementRef> citedAgreements(String borrowerId) {
        return borrowers.consentsInForce(borrowerId).stream().map(c -> {
            var type = com.loanflow.agreement.AgreementType.valueOf(c.consentType());
            return new AgreementRef(type.name(), c.agreementVersion(), type.title());
        }).toList();
    }

    /** Empty for an application without a contract (then nothing but the principal is paid out). */
    public java.util.Optional<Pricing> pricing(String applicationId) {
        return mapper.findPricing(applicationId);
    }

    /**
     * What the borrower must see on the page that asks for the signature, not only in the PDF: the price, the money
     * that reaches the card, every installment and the totals.
     *
     * @param installments the contract's amounts per installment (their due dates follow the payout day)
     */
    public record Disclosure(Pricing pricing, BigDecimal approvedAmount, int termMonths, BigDecimal nominalAprPercent,
                             List<RepaymentSchedule.Line> installments) {

        public BigDecimal netPayout() {
            return approvedAmount.subtract(pricing.serviceFee());
        }

        public BigDecimal totalInterest() {
            return RepaymentSchedule.totalInterest(installments);
        }

        public BigDecimal totalRepayable() {
            return approvedAmount.add(totalInterest());
        }
    }

    /** The contract's price and schedule as the borrower must see them before signing; 404 until it is prepared. */
    public Disclosure disclosureOwned(String borrowerId, String applicationId) {
        LoanApplication application = applications.getOwned(borrowerId, applicationId);
        Pricing pricing = pricing(applicationId).orElseThrow(() -> ApiException.notFound("Contract"));
        // installment amounts do not depend on the start date (the contract's are the same)
        return new Disclosure(pricing, application.approvedAmount(), application.termMonths(), application.aprPercent(),
                RepaymentSchedule.equalInstallments(application.approvedAmount(), application.aprPercent(),
                        application.termMonths(), LocalDate.now(clock)));
    }

    /** The signed PDF once the borrower has signed, the rendered one before. */
    public byte[] pdf(String borrowerId, String applicationId) {
        applications.getOwned(borrowerId, applicationId);
        LoanContract contract = mapper.findByApplicationId(applicationId)
                .orElseThrow(() -> ApiException.notFound("Contract"));
        if (contract.isSigned()) {
            return decrypt(contract.signedPdfEnc(), SIGNED_PDF, contract.id());
        }
        byte[] pdf = decrypt(contract.pdfEnc(), "pdf", contract.id());
        mapper.markDelivered(contract.id(), LocalDateTime.now(clock)); // the borrower has it: now it may be signed
        return pdf;
    }

    public void resendCode(String borrowerId, String applicationId) {
        LoanApplication application = applications.getOwned(borrowerId, applicationId);
        refuseUnlessAwaitingSignature(application);
        LoanContract contract = mapper.findByApplicationId(applicationId)
                .orElseThrow(() -> ApiException.notFound("Contract"));
        if (contract.status() != LoanContract.ContractStatus.PENDING_SIGNATURE) {
            throw ApiException.conflict("CONTRACT_ALREADY_SIGNED", "The contract is already signed");
        }
        BigDecimal irrApr = pricing(applicationId).map(Pricing::irrAprPercent).orElse(application.aprPercent());
        signingCodes.issueAndConfirmSent(applicationId, borrowers.phone(borrowers.get(application.borrowerId())),
                summary(application, irrApr));
    }

    /**
     * What the borrower binds themselves to, in the signing code's message: whoever holds the phone sees the amount,
     * the APR and the total before passing the code on.
     */
    private String summary(LoanApplication application, BigDecimal irrApr) {
        // installment amounts do not depend on the start date
        BigDecimal totalInterest = RepaymentSchedule.totalInterest(RepaymentSchedule.equalInstallments(
                application.approvedAmount(), application.aprPercent(), application.termMonths(), LocalDate.now(clock)));
        return "借款" + application.approvedAmount().toPlainString() + "元，" + application.termMonths() + "期，年化利率"
                + irrApr.toPlainString() + "%，应还本息合计" + application.approvedAmount().add(totalInterest).toPlainString()
                + "元";
    }

    private static final java.util.Set<ApplicationStatus> SIGNED = java.util.EnumSet.of(ApplicationStatus.CONTRACT_SIGNED,
            ApplicationStatus.DISBURSING, ApplicationStatus.ACTIVE, ApplicationStatus.SETTLED,
            ApplicationStatus.DISBURSEMENT_FAILED);

    private static void refuseUnlessAwaitingSignature(LoanApplication application) {
        if (application.status() == ApplicationStatus.CANCELLED) {
            throw ApiException.conflict("APPLICATION_CANCELLED", "The application was cancelled; its contract can no"
                    + " longer be signed");
        }
        if (application.status() == ApplicationStatus.REJECTED) {
            throw ApiException.conflict("APPLICATION_CLOSED", "The application was rejected; there is no contract");
        }
        if (SIGNED.contains(application.status())) {
            throw ApiException.conflict("CONTRACT_ALREADY_SIGNED", "The contract is already signed");
        }
        if (application.status() != ApplicationStatus.APPROVED) {
            throw ApiException.conflict("CONTRACT_NOT_READY", "The contract is not ready yet");
        }
    }

    /** Verifies the OTP, then in one transaction: contract SIGNED, consent recorded, status, process moves on. */
    @Transactional
    public void sign(String borrowerId, String applicationId, String otp, String clientIp, String userAgent) {
        // under the application's row lock: a withdrawal or time-out racing this signature is seen, not overwritten
        LoanApplication application = applications.lockOwned(borrowerId, applicationId);
        refuseUnlessAwaitingSignature(application);
        LoanContract contract = mapper.findByApplicationId(applicationId)
                .orElseThrow(() -> ApiException.conflict("CONTRACT_NOT_READY", "The contract is not ready yet"));
        if (contract.status() == LoanContract.ContractStatus.SIGNED || application.status() != ApplicationStatus.APPROVED) {
            throw ApiException.conflict("CONTRACT_ALREADY_SIGNED", "The contract is already signed");
        }
        // before the code is checked (no attempt is used): no one signs a contract the borrower was never given
        if (!mapper.isDelivered(contract.id())) {
            throw ApiException.conflict("CONTRACT_NOT_READ", "Open the contract first (GET /api/v1/applications/"
                    + applicationId + "/contract); it can be signed once it has been delivered to you");
        }
        switch (signingCodes.check(applicationId, otp)) {
            case ACCEPTED -> { }
            case EXPIRED -> throw ApiException.invalidField("otp", "has expired; request a new code");
            case EXHAUSTED -> throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "OTP_ATTEMPTS_EXHAUSTED",
                    "Too many wrong codes; request a new code");
            case NONE -> throw ApiException.invalidField("otp", "no code is pending; request a new code");
            default -> throw ApiException.invalidField("otp", "is incorrect");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (!signingCodes.consume(applicationId) || !storeSigned(contract, application.borrowerId())
                || mapper.markSigned(contract.id(), now, clientIp, contract.version()) != 1) {
            throw ApiException.conflict("CONTRACT_ALREADY_SIGNED", "The contract is already signed");
        }
        borrowers.recordConsent(borrowerId, "LOAN_CONTRACT", contract.templateVersion(), contract.pdfSha256(), clientIp,
                userAgent, applicationId);
        applications.moveTo(applicationId, ApplicationStatus.CONTRACT_SIGNED, null);
        runtime.createMessageCorrelation("ContractSigned").processInstanceBusinessKey(applicationId).correlate();
    }

    /** Signs as the borrower (certificate CN: masked name + id), seals, and stores the bytes once. */
    private boolean storeSigned(LoanContract contract, String borrowerId) {
        Borrower borrower = borrowers.get(borrowerId);
        byte[] rendered = decrypt(contract.pdfEnc(), "pdf", contract.id());
        ContractSigner.SignedContract signed = signer.sign(rendered, borrower.nameMasked(), borrower.id());
        String encrypted = Base64.getEncoder().encodeToString(
                cipher.encryptBytes(signed.pdf(), FieldCipher.context(LoanContract.TABLE, SIGNED_PDF, contract.id())));
        return mapper.storeSignedPdf(contract.id(), encrypted, sha256(signed.pdf()), signed.borrowerCertificateSerial()) == 1;
    }

    private byte[] decrypt(String stored, String contextColumn, String contractId) {
        return cipher.decryptBytes(Base64.getDecoder().decode(stored),
                FieldCipher.context(LoanContract.TABLE, contextColumn, contractId));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.loanflow.contract.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContractRendererTest {

    private static final ContractRenderer RENDERER = ContractRenderer.loadDefault();
    private static byte[] pdf;
    private static String text;

    @BeforeAll
    static void renderSixMonthLoan() throws IOException {
        pdf = RENDERER.render(SampleContracts.sixMonthLoan());
        text = PdfText.of(pdf);
    }

    @Test
    void namesTheCurrentTemplateVersion() {
        assertThat(RENDERER.templateVersion()).isEqualTo("loan-contract-zh-1.2");
        assertThat(text).contains("合同模板版本：loan-contract-zh-1.2");
    }

    @Test
    void statesThatTheScheduleMovesWithALaterPayoutAndItsAmountsDoNot() {
        // the schedule is computed on the signing day; the loan's own is dated from the payout (web: Loans.activate)
        assertThat(text.replaceAll("\\s+", "")).contains("（按合同签订日测算）",
                "借款实际发放日晚于合同签订日的，各期还款日顺延为实际发放日在此后各月的对应日",
                "每期应还本金、利息及金额合计均不变", "出借人于放款当日以短信告知借款人实际首期还款日");
    }

    @Test
    void printsPartiesAmountInFiguresAndCapitalsAndApr() {
        assertThat(text).contains("借款合同", "LF20250115000123", "乐融小额贷款有限公司", "张伟", "110101199003078515",
                "138****5678", "6222 **** **** 1234", "1,000.00", "壹仟元整", "18.00%", "单利", "本合同年化综合资金成本不超过 24.00%",
                "等额本息", "53.15", "1,053.15", "壹仟零伍拾叁元壹角伍分", "2025年1月15日");
    }

    @Test
    void disclosesTheAprAsTheIrrWithItsConventionTheFeeAndTheDailyOverdueRate() {
        assertThat(text).contains("年化综合资金成本（APR）为 18.00%", "月内部收益率（IRR", "乘以12得出名义年化利率",
                "服务费为人民币 0.00 元", "实际到账金额为人民币 1,000.00 元", "利息与服务费合计为人民币 53.15 元",
                "按日利率 0.0493%");
    }

    @Test
    void aFeeDeductedFromThePayoutIsPrintedWithTheNetAmountAndTheHigherApr() throws IOException {
        String withFee = PdfText.of(RENDERER.render(SampleContracts.withFee("10.00", "21.55")));

        assertThat(withFee).contains("服务费为人民币 10.00 元", "实际到账金额为人民币 990.00 元",
                "年化综合资金成本（APR）为 21.55%", "利息与服务费合计为人民币 63.15 元");
    }

    @Test
    void refusesAnIrrAboveTheStatedCap() {
        // 1,000.00 over 6 months at 18% with a 20.00 fee: IRR 25.16% (see AnnualPercentageRateTest in web)
        assertThatThrownBy(() -> RENDERER.render(SampleContracts.withFee("20.00", "25.16")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IRR");
    }

    @Test
    void olderTemplateVersionsStillRender() throws IOException {
        ContractRenderer v10 = ContractRenderer.load("/contracts/loan-contract/1.0/template.txt");
        ContractRenderer v11 = ContractRenderer.load("/contracts/loan-contract/1.1/template.txt");

        assertThat(PdfText.of(v10.render(SampleContracts.sixMonthLoan())))
                .contains("合同模板版本：loan-contract-zh-1.0", "本合同年化利率不超过 24.00%");
        assertThat(PdfText.of(v11.render(SampleContracts.sixMonthLoan())))
                .contains("合同模板版本：loan-contract-zh-1.1").doesNotContain("按合同签订日测算");
    }

    @Test
    void printsEveryScheduleRow() {
        List<String> rows = PdfText.lines(text);
        for (ScheduleLine line : SampleContracts.SIX_INSTALLMENTS) {
            String row = String.join(" ", ContractValues.row(line));
            assertThat(rows).as("schedule row %d", line.seq()).contains(row);
        }
        assertThat(rows).contains("期数 到期日 本金（元） 利息（元） 应还合计（元）");
    }

    @Test
    void citesEachConsentedAgreementWithItsVersion() {
        assertThat(text).contains("《个人信息处理规则》（类型：PRIVACY_POLICY，版本：2.1）",
                "《征信查询授权书》（类型：CREDIT_AUTHORIZATION，版本：1.3）",
                "《电子签名授权书》（类型：ESIGN_CONSENT，版本：1.0）");
    }

    @Test
    void statesTheRequiredClauses() {
        assertThat(text).contains("提前还款", "不收取任何违约金", "逾期", "个人信息保护", "加密存储", "通讯录",
                "已安装应用列表", "争议解决", "短信验证码", "《中华人民共和国电子签名法》", "同等的法律效力");
    }

    @Test
    void embedsItsCjkFontAsASubset() throws IOException {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PdfDictionary fonts = document.getPage(page).getResources().getResource(PdfName.Font);
                assertThat(fonts.keySet()).as("fonts on page %d", page).isNotEmpty();
                for (PdfName name : fonts.keySet()) {
                    PdfDictionary font = fonts.getAsDictionary(name);
                    assertThat(font.getAsName(PdfName.Subtype)).isEqualTo(PdfName.Type0);
                    assertThat(font.getAsName(PdfName.BaseFont).getValue()).matches("[A-Z]{6}\\+.*");
                    PdfDictionary descriptor = font.getAsArray(PdfName.DescendantFonts).getAsDictionary(0)
                            .getAsDictionary(PdfName.FontDescriptor);
                    assertThat(descriptor.containsKey(PdfName.FontFile2) || descriptor.containsKey(PdfName.FontFile3))
                            .as("font %s embedded", font.getAsName(PdfName.BaseFont)).isTrue();
                }
            }
        }
    }

    @Test
    void keepsTheEmbeddedFontSmall() {
        assertThat(pdf.length).isLessThan(400_000);
    }

    @Test
    void rendersTheSameTextConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> renders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                renders.add(pool.submit(() -> RENDERER.render(SampleContracts.sixMonthLoan())));
            }
            for (Future<byte[]> render : renders) {
                assertThat(PdfText.of(render.get())).isEqualTo(text);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failsWhenTheTemplateUsesAnUnknownPlaceholder() {
        ContractRenderer broken = ContractRenderer.load("/contracts/broken/template.txt");

        assertThatThrownBy(() -> broken.render(SampleContracts.sixMonthLoan()))
                .isInstanceOf(MissingPlaceholderException.class)
                .hasMessageContaining("${guarantorName}");
    }

    @Test
    void failsWhenAContentValueIsMissing() {
        assertThatThrownBy(() -> RENDERER.render(SampleContracts.withBorrowerName(null)))
                .isInstanceOf(MissingPlaceholderException.class)
                .extracting(e -> ((MissingPlaceholderException) e).placeholder()).isEqualTo("borrowerName");
    }

    @Test
    void refusesAnAprAboveTheStatedCap() {
        assertThatThrownBy(() -> RENDERER.render(SampleContracts.withApr("24.01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24");
    }

    @Test
    void refusesANameTheFontCannotPrint() {
        // 𠮷 (U+20BB7) is outside GB2312; printing it as a blank box would misstate the borrower.
        assertThatThrownBy(() -> RENDERER.render(SampleContracts.withBorrowerName("𠮷野")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+20BB7")
                .as("the message reaches the engine's incident tables and logs: no name in it")
                .message().doesNotContain("𠮷").doesNotContain("野").doesNotContain("借款人");
        assertThat(RENDERER.firstUnprintable("𠮷野")).as("checked when the name is given").hasValue(0x20BB7);
        assertThat(RENDERER.firstUnprintable("张伟")).isEmpty();
        assertThat(RENDERER.firstUnprintable("买买提·艾力")).isEmpty();
    }
}

package com.loanflow.privacy;

import com.loanflow.borrower.Borrower;
import com.loanflow.borrower.Borrowers;
import com.loanflow.risk.ReasonCodeDescriptions;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A copy of what the platform holds about the borrower and does with it (PIPL art. 45, ADR 0027): profile, consents
 * with their evidence, every application with its decision explained, the bureau queries made on their
 * authorization, loans with schedule and repayments, and the behaviour log. Identifiers are masked as in every
 * response (the full values can be asked for through customer service, which reveals them under audit); IP addresses
 * show their network only. Read in one transaction, so the parts agree with each other.
 */
@Service
public class DataExport {

    /** What the platform never collects, stated in the export as on the application page. */
    static final List<String> NOT_COLLECTED = List.of("通讯录 contacts", "通话记录 call logs", "已安装应用列表 installed apps",
            "精确位置 precise location (only the region of the IP address)", "社交账号 social media accounts");

    private final DataExportMapper mapper;
    private final Borrowers borrowers;
    private final ReasonCodeDescriptions reasons;
    private final Clock clock;

    DataExport(DataExportMapper mapper, Borrowers borrowers, ReasonCodeDescriptions reasons, Clock clock) {
        this.mapper = mapper;
        this.borrowers = borrowers;
        this.reasons = reasons;
        this.clock = clock;
    }

    public record Document(LocalDateTime exportedAt, String notice, Profile borrower, List<ConsentEntry> consents,
                           List<ApplicationEntry> applications, List<ContractEntry> contracts, List<LoanEntry> loans,
                           List<DeviceEntry> behaviourLog, List<String> neverCollected) {
    }

    /** A contract as rendered (the hash of what the borrower read) and, once signed, when, from where and its hash. */
    public record ContractEntry(String applicationId, String contractNumber, String templateVersion,
                                String renderedPdfSha256, String status, LocalDateTime signedAt, String signedFromNetwork,
                                String signedPdfSha256) {
    }

    public record Profile(String borrowerId, String phone, String name, String idNumber, String verificationStatus,
                          String creditLimit, LocalDateTime registeredAt) {
    }

    public record ConsentEntry(String type, String agreementVersion, String documentSha256, LocalDateTime consentedAt,
                               String network, String userAgent, LocalDateTime withdrawnAt) {
    }

    public record Reason(String code, String description) {
    }

    public record Decision(String outcome, String defaultProbability, String riskTier, List<Reason> adverseFactors,
                           String modelVersion, String strategy, LocalDateTime decidedAt) {
    }

    public record CreditQuery(String purpose, String agreementVersion, boolean cachedReportUsed,
                              LocalDateTime queriedAt) {
    }

    public record ApplicationEntry(String applicationId, LocalDateTime submittedAt, String submittedFromNetwork,
                                   String requestedAmount, int termMonths, String bankCard, String purpose, String status,
                                   List<Reason> reasons,
                                   String approvedAmount, String aprPercent, Decision automaticDecision,
                                   String manualReview, List<CreditQuery> creditBureauQueries) {
    }

    public record Installment(int seq, LocalDate dueDate, String principalDue, String interestDue, String penaltyDue,
                              String principalPaid, String interestPaid, String penaltyPaid, String status) {
    }

    /** valueDate: the day the money reached the lender; penaltyWaived: overdue interest waived as of that day. */
    public record Repayment(String repaymentId, String method, String amount, String status, LocalDateTime receivedAt,
                            java.time.LocalDate valueDate, String penaltyWaived) {
    }

    public record LoanEntry(String loanId, String applicationId, String principal, String aprPercent, int termMonths,
                            String status, LocalDateTime disbursedAt, LocalDateTime settledAt,
                            List<Installment> schedule, List<Repayment> repayments) {
    }

    public record DeviceEntry(String event, String ipRegion, LocalDateTime at) {
    }

    @Transactional(readOnly = true)
    public Document of(String borrowerId) {
        Borrower b = borrowers.get(borrowerId);
        Profile profile = new Profile(b.id(), b.phoneMasked(), b.nameMasked(), b.idNumberMasked(),
                b.verificationStatus().name(), money(b.creditLimit()), b.createdAt());
        List<ConsentEntry> consents = mapper.consents(borrowerId).stream().map(c -> new ConsentEntry(c.consentType(),
                c.agreementVersion(), c.documentSha256(), c.consentedAt(), network(c.clientIp()), c.userAgent(),
                c.withdrawnAt())).toList();

        Map<String, DataExportMapper.DecisionRow> decisions = mapper.decisions(borrowerId).stream()
                .collect(Collectors.toMap(DataExportMapper.DecisionRow::applicationId, d -> d));
        Map<String, DataExportMapper.ReviewRow> reviews = mapper.reviews(borrowerId).stream()
                .collect(Collectors.toMap(DataExportMapper.ReviewRow::applicationId, r -> r));
        Map<String, List<CreditQuery>> queries = mapper.creditQueries(borrowerId).stream().collect(Collectors.groupingBy(
                DataExportMapper.CreditQueryRow::applicationId, Collectors.mapping(q -> new CreditQuery(q.purpose(),
                        q.agreementVersion(), q.cacheHit(), q.queriedAt()), Collectors.toList())));
        List<ApplicationEntry> applications = mapper.applications(borrowerId).stream().map(a -> {
            DataExportMapper.DecisionRow d = decisions.get(a.id());
            DataExportMapper.ReviewRow r = reviews.get(a.id());
            return new ApplicationEntry(a.id(), a.createdAt(), network(a.clientIp()), money(a.requestedAmount()),
                    a.termMonths(),
                    a.bankCardMasked(), a.purpose(), a.status(), reasons(a.reasonCodes()), money(a.approvedAmount()),
                    a.aprPercent() == null ? null : a.aprPercent().toPlainString(),
                    d == null ? null : new Decision(d.outcome(), d.defaultProbability().toPlainString(), d.riskTier(),
                            reasons(d.adverseFactors()), d.modelVersion(), d.strategyName(), d.decidedAt()),
                    r == null ? null : r.decision() + " at " + r.decidedAt(),
                    queries.getOrDefault(a.id(), List.of()));
        }).toList();

        Map<String, List<Installment>> schedules = mapper.installments(borrowerId).stream().collect(Collectors.groupingBy(
                DataExportMapper.InstallmentRow::loanId, Collectors.mapping(i -> new Installment(i.seq(), i.dueDate(),
                        money(i.principalDue()), money(i.interestDue()), money(i.penaltyDue()), money(i.principalPaid()),
                        money(i.interestPaid()), money(i.penaltyPaid()), i.status()), Collectors.toList())));
        Map<String, List<Repayment>> repayments = mapper.repayments(borrowerId).stream().collect(Collectors.groupingBy(
                DataExportMapper.RepaymentRow::loanId, Collectors.mapping(p -> new Repayment(p.id(), p.method(),
                        money(p.amount()), p.status(), p.receivedAt(), p.valueDate(), money(p.penaltyWaived())),
                        Collectors.toList())));
        List<LoanEntry> loans = mapper.loans(borrowerId).stream().map(l -> new LoanEntry(l.id(), l.applicationId(),
                money(l.principal()), l.aprPercent().toPlainString(), l.termMonths(), l.status(), l.disbursedAt(),
                l.settledAt(), schedules.getOrDefault(l.id(), List.of()), repayments.getOrDefault(l.id(), List.of())))
                .toList();
        List<DeviceEntry> behaviour = mapper.deviceEvents(borrowerId).stream()
                .map(e -> new DeviceEntry(e.eventType(), e.ipRegion(), e.occurredAt())).toList();

        List<ContractEntry> contracts = mapper.contracts(borrowerId).stream().map(c -> new ContractEntry(
                c.applicationId(), c.contractNumber(), c.templateVersion(), c.pdfSha256(), c.status(), c.signedAt(),
                network(c.signedIp()), c.signedPdfSha256())).toList();

        return new Document(LocalDateTime.now(clock), "What Loanflow holds about you and does with it. Phone, name, ID"
                + " number and bank card are shown masked, as everywhere in the platform; the full values can be asked"
                + " for through customer service. The IP addresses kept with your consents, applications and signed"
                + " contracts are shown as their network; device identifiers are kept only as keyed hashes and are not"
                + " shown.", profile, consents, applications, contracts, loans, behaviour, NOT_COLLECTED);
    }

    private List<Reason> reasons(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(codes.split(",")).map(String::trim).filter(c -> !c.isEmpty())
                .map(code -> new Reason(code, reasons.describe(code))).toList();
    }

    /**
     * The network of an address, not the address: 203.0.113.7 → 203.0.113.0/24, an IPv6 address → its /48, an
     * IPv4-mapped IPv6 address as IPv4. Anything that is not an IP literal is not shown.
     */
    static String network(String ip) {
        if (ip == null || ip.isBlank() || !ip.matches("[0-9A-Fa-f:.]+")) {
            return null;   // checked first: only a literal reaches InetAddress, which then never resolves a name
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(ip).getAddress();
            if (bytes.length == 4) {
                return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + ".0/24";
            }
            return String.format("%x:%x:%x::/48", ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF),
                    ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF), ((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF));
        } catch (java.net.UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : Money.format(amount);
    }
}

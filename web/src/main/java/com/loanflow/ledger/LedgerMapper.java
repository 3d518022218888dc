package com.loanflow.ledger;

import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LedgerMapper {

    /** Ledger balances and loan-table figures of one application; null where a sum has no rows. */
    record LoanBalance(String applicationId, String loanId, BigDecimal ledgerPrincipal, BigDecimal ledgerInterest,
                       BigDecimal ledgerInterestReceivable, BigDecimal ledgerPenaltyReceivable,
                       BigDecimal ledgerPenaltyIncome, BigDecimal ledgerFee, BigDecimal disbursedAmount,
                       BigDecimal feeKept, BigDecimal outstandingPrincipal, BigDecimal outstandingInterest,
                       BigDecimal outstandingPenalty, BigDecimal schedulePrincipal, BigDecimal scheduleInterest,
                       BigDecimal interestPaid, BigDecimal interestRecognised, BigDecimal penaltyDue,
                       BigDecimal penaltyPaid, BigDecimal ledgerRefundPayable, BigDecimal refundDue) {
    }

    record EntryTotals(String businessKey, BigDecimal debits, BigDecimal credits) {
    }

    void insertEntry(@Param("id") String id, @Param("entry") JournalEntry entry);

    void insertLine(@Param("id") String id, @Param("entryId") String entryId, @Param("line") JournalLine line);

    List<JournalLine> findLines(String businessKey);

    List<EntryTotals> findUnbalancedEntries();

    List<LoanBalance> findLoanBalances();
}

package com.loanflow.ledger;

import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LedgerMapper {

    record LoanBalance(String applicationId, String loanId, BigDecimal ledgerPrincipal, BigDecimal ledgerInterest,
                       BigDecimal disbursedAmount, BigDecimal outstandingPrincipal, BigDecimal schedulePrincipal,
                       BigDecimal interestPaid) {
    }

    record EntryTotals(String businessKey, BigDecimal debits, BigDecimal credits) {
    }

    void insertEntry(@Param("id") String id, @Param("entry") JournalEntry entry);

    void insertLine(@Param("id") String id, @Param("entryId") String entryId, @Param("line") JournalLine line);

    List<JournalLine> findLines(String businessKey);

    List<EntryTotals> findUnbalancedEntries();

    List<LoanBalance> findLoanBalances();
}

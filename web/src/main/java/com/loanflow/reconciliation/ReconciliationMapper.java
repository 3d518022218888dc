package com.loanflow.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ReconciliationMapper {

    /** One of our payouts or withholdings as the reconciliation sees it; the card only as its masked form. */
    record OurTransaction(String requestId, String type, BigDecimal amount, String status, String channelTxnId,
                          String bankCardMasked) {

        String masked() {
            return type + " " + amount.toPlainString() + " CNY " + status + " card " + bankCardMasked
                    + (channelTxnId == null ? "" : " txn " + channelTxnId);
        }
    }

    record Run(String id, LocalDate statementDate, String channel, String statementSha256, int channelRows, int ourRows,
               int mismatches, LocalDateTime ranAt) {
    }

    record Mismatch(String id, String runId, String requestId, String kind, String ourSide, String channelSide,
                    String processInstanceId, String resolution, String resolvedBy) {
    }

    /** Sent to the channel on that day (a REQUESTED one never reached it). */
    List<OurTransaction> findOurTransactions(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    Optional<OurTransaction> findOurTransaction(String requestId);

    /** Serialises the recording of runs of one channel (FOR UPDATE on its row of reconciliation_lock). */
    String lockChannel(String channel);

    Optional<Run> findRun(@Param("channel") String channel, @Param("statementDate") LocalDate statementDate);

    /** Throws DuplicateKeyException when the date was reconciled already (unique channel, statement_date). */
    void insertRun(Run run);

    /** Inserts kind, both sides and, for a difference that needs no ops (ON_NEXT_STATEMENT), its resolution. */
    void insertMismatch(Mismatch mismatch);

    /** Request ids the run of that date carried to the next statement (kind ON_NEXT_STATEMENT). */
    List<String> findCarriedRequestIds(@Param("channel") String channel,
                                       @Param("statementDate") LocalDate statementDate);

    int recordProcessInstance(@Param("id") String id, @Param("processInstanceId") String processInstanceId);

    List<Mismatch> findMismatches(String runId);

    int recordResolution(@Param("id") String id, @Param("resolution") String resolution,
                         @Param("resolvedBy") String resolvedBy);
}

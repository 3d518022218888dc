package com.loanflow.payment;

import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface DisbursementMapper {

    void insert(Disbursement disbursement);

    Optional<Disbursement> findById(String id);

    Optional<Disbursement> findByApplicationId(String applicationId);

    Optional<Disbursement> findByRequestId(String requestId);

    /**
     * Payouts the channel accepted but has not answered for since the cutoff (callback late or lost), oldest first,
     * from after the cursor (updated_at, id) when one is given: each round asks the next page, so payouts that
     * stay unanswered do not keep a newer lost callback from ever being asked about.
     */
    java.util.List<Disbursement> findSentBefore(@Param("cutoff") LocalDateTime cutoff,
                                                @Param("afterUpdatedAt") LocalDateTime afterUpdatedAt,
                                                @Param("afterId") String afterId, @Param("limit") int limit);

    /** What an operator recorded that the channel confirmed for a payout it never answered (PayoutConfirmations). */
    record Confirmation(String status, String channelTxnId, String ticket, String recordedBy, LocalDateTime recordedAt) {
    }

    Optional<Confirmation> findConfirmation(String id);

    /** Locks the payout's row until the transaction ends (and makes MyBatis read every row again after it). */
    Optional<String> lockForUpdate(String id);

    int recordConfirmation(@Param("id") String id, @Param("status") String status,
                           @Param("channelTxnId") String channelTxnId, @Param("ticket") String ticket,
                           @Param("recordedBy") String recordedBy, @Param("recordedAt") LocalDateTime recordedAt);

    int clearConfirmation(@Param("id") String id, @Param("recordedBy") String recordedBy);

    int recordPaidOutOn(@Param("id") String id, @Param("paidOutOn") java.time.LocalDate paidOutOn);

    int updateStatus(@Param("id") String id, @Param("status") DisbursementStatus status,
                     @Param("channelTxnId") String channelTxnId, @Param("failureCode") String failureCode,
                     @Param("version") int version, @Param("now") LocalDateTime now);
}

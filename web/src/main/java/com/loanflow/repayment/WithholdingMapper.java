package com.loanflow.repayment;

import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface WithholdingMapper {

    void insert(Withholding withholding);

    Optional<Withholding> findByRequestId(String requestId);

    Optional<Withholding> findByRepaymentId(String repaymentId);

    /** SENT: accepted but unanswered since the cutoff (callback late or lost); REQUESTED: not yet accepted. */
    java.util.List<Withholding> findInStatusBefore(@Param("status") Withholding.Status status,
                                                   @Param("cutoff") LocalDateTime cutoff, @Param("limit") int limit);

    int countAttempts(@Param("loanId") String loanId, @Param("installmentSeq") int installmentSeq);

    int updateStatus(@Param("id") String id, @Param("status") Withholding.Status status,
                     @Param("channelTxnId") String channelTxnId, @Param("failureCode") String failureCode,
                     @Param("version") int version, @Param("now") LocalDateTime now);

    /** The callback's unique key (channel, request_id), shared with payouts: a repeat throws DuplicateKeyException. */
    void insertCallback(@Param("id") String id, @Param("channel") String channel, @Param("requestId") String requestId,
                        @Param("status") String status, @Param("channelTxnId") String channelTxnId,
                        @Param("failureCode") String failureCode, @Param("receivedAt") LocalDateTime receivedAt);
}

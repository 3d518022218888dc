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
                                                   @Param("cutoff") LocalDateTime cutoff,
                                                   @Param("afterUpdatedAt") LocalDateTime afterUpdatedAt,
                                                   @Param("afterId") String afterId, @Param("limit") int limit);

    /** What the withholding in flight for this loan (at most one: uk_withholding_open) may still collect. */
    java.math.BigDecimal sumOpen(String loanId);

    int countAttempts(@Param("loanId") String loanId, @Param("installmentSeq") int installmentSeq);

    int updateStatus(@Param("id") String id, @Param("status") Withholding.Status status,
                     @Param("channelTxnId") String channelTxnId, @Param("failureCode") String failureCode,
                     @Param("version") int version, @Param("now") LocalDateTime now);

    /** A (re-)send is about to ask the channel: a new version, so that an expiry that read the row before it fails. */
    int markSendAttempt(@Param("id") String id, @Param("version") int version, @Param("now") LocalDateTime now);
}

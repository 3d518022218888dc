package com.loanflow.repayment;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RepaymentReminderMapper {

    /** Claims the (loan, installment, kind) slot; a DuplicateKeyException means it was claimed before. */
    void claim(@Param("id") String id, @Param("loanId") String loanId, @Param("seq") int seq, @Param("kind") String kind,
               @Param("amountDue") BigDecimal amountDue, @Param("at") LocalDateTime at);

    void mark(@Param("id") String id, @Param("status") String status);
}

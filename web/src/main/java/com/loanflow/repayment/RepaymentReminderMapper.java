package com.loanflow.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RepaymentReminderMapper {

    /** Claims the (loan, installment, due date, kind) slot; a DuplicateKeyException means it was claimed before. */
    void claim(@Param("id") String id, @Param("loanId") String loanId, @Param("seq") int seq,
               @Param("dueDate") LocalDate dueDate, @Param("kind") String kind, @Param("amountDue") BigDecimal amountDue,
               @Param("at") LocalDateTime at);

    /** CLAIMED → SENT or FAILED; 0 rows when the row is not CLAIMED. */
    int mark(@Param("id") String id, @Param("status") String status, @Param("at") LocalDateTime at);

    int countClaimedBefore(@Param("before") LocalDateTime before);
}

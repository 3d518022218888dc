package com.loanflow.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Read-only queries for the collections desk (CollectionsController). */
@Mapper
interface CollectionsMapper {

    record OverdueRow(String loanId, String applicationId, int seq, LocalDate dueDate, BigDecimal amountOwed,
                      BigDecimal penaltyOwed, String phoneMasked, String lastReminder) {
    }

    record ReminderRow(String id, String loanId, int installmentSeq, LocalDate dueDate, String kind,
                       BigDecimal amountDue, String status, LocalDateTime createdAt) {
    }

    List<OverdueRow> findOverdue(@Param("dueOnOrBefore") LocalDate dueOnOrBefore, @Param("limit") int limit);

    List<ReminderRow> findReminders(@Param("status") String status, @Param("limit") int limit);
}

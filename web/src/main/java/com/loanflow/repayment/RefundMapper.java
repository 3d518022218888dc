package com.loanflow.repayment;

import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RefundMapper {

    void insert(Refund refund);

    Optional<Refund> findById(String id);

    /** The refund that is not rejected with this outgoing statement reference. */
    Optional<Refund> findByBankReference(String bankReference);

    /** The refund of this repayment that is pending or paid, if any. */
    Optional<Refund> findOpenByRepayment(String repaymentId);

    java.util.List<Refund> findByStatus(@Param("status") String status, @Param("limit") int limit);

    /** Channel answers contradicting each other, or unresolved reconciliation mismatches, for this repayment's debit. */
    int countDisputes(@Param("repaymentId") String repaymentId);

    /** PENDING → PAID or REJECTED by someone other than the recorder; 0 rows otherwise. */
    int decide(@Param("id") String id, @Param("status") String status, @Param("decidedBy") String decidedBy,
               @Param("at") LocalDateTime at, @Param("reason") String reason);
}

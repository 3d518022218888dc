package com.loanflow.repayment;

import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RefundMapper {

    void insert(Refund refund);

    Optional<Refund> findById(String id);

    Optional<Refund> findByBankReference(String bankReference);

    /** PENDING → PAID or REJECTED by someone other than the recorder; 0 rows otherwise. */
    int decide(@Param("id") String id, @Param("status") String status, @Param("decidedBy") String decidedBy,
               @Param("at") LocalDateTime at, @Param("reason") String reason);
}

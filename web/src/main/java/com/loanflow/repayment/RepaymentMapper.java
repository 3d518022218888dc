package com.loanflow.repayment;

import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RepaymentMapper {

    void insert(Repayment repayment);

    Optional<Repayment> findByIdempotencyKey(@Param("borrowerId") String borrowerId, @Param("key") String key);
}

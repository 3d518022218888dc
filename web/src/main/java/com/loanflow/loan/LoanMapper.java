package com.loanflow.loan;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface LoanMapper {

    void insertLoan(Loan loan);

    void insertInstallment(Installment installment);

    Optional<Loan> findById(String id);

    Optional<Loan> findByApplicationId(String applicationId);

    List<Installment> findInstallments(String loanId);

    int updateOutstanding(@Param("id") String id, @Param("outstandingPrincipal") BigDecimal outstandingPrincipal,
                          @Param("outstandingInterest") BigDecimal outstandingInterest,
                          @Param("status") LoanStatus status, @Param("settledAt") LocalDateTime settledAt,
                          @Param("version") int version);

    int updateInstallmentPaid(@Param("id") String id, @Param("principalPaid") BigDecimal principalPaid,
                              @Param("interestPaid") BigDecimal interestPaid,
                              @Param("status") Installment.InstallmentStatus status, @Param("version") int version);
}

package com.loanflow.application;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ApplicationMapper {

    void insert(LoanApplication application);

    Optional<LoanApplication> findById(String id);

    Optional<LoanApplication> findByIdempotencyKey(@Param("borrowerId") String borrowerId, @Param("key") String key);

    boolean hasOpenApplication(String borrowerId);

    /**
     * Whether a loan of this borrower paid out since {@code since} was repaid in full here (such a borrower may ask for
     * more than a first loan); the same look-back as the record the decision reads (RepaymentRecord).
     */
    boolean hasSettledLoan(@Param("borrowerId") String borrowerId, @Param("since") LocalDateTime since);

    /** Whether any of the borrower's applications is in one of these states. */
    boolean hasApplicationIn(@Param("borrowerId") String borrowerId,
                             @Param("statuses") java.util.Collection<ApplicationStatus> statuses);

    /** Locks the application's row until the transaction ends (SELECT ... FOR UPDATE). */
    String lockForUpdate(@Param("id") String id);

    /** The borrower's applications, newest first, at most {@code limit}. */
    List<LoanApplication> findByBorrower(@Param("borrowerId") String borrowerId, @Param("limit") int limit);

    int countSince(@Param("borrowerId") String borrowerId, @Param("since") LocalDateTime since);

    /** When the borrower's latest application declined on credit grounds was declined (identity mismatches aside). */
    LocalDateTime lastDeclinedAt(@Param("borrowerId") String borrowerId);

    /** Moves the status only from the version that was read; 0 rows means someone else moved it first. */
    int updateStatus(@Param("id") String id, @Param("status") ApplicationStatus status, @Param("open") boolean open,
                     @Param("reasonCodes") String reasonCodes, @Param("version") int version,
                     @Param("now") LocalDateTime now);

    int updateTerms(@Param("id") String id, @Param("creditLimit") BigDecimal creditLimit,
                    @Param("aprPercent") BigDecimal aprPercent, @Param("approvedAmount") BigDecimal approvedAmount);

    int updateLoanId(@Param("id") String id, @Param("loanId") String loanId);
}

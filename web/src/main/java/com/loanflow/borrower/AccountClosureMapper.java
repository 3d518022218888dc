package com.loanflow.borrower;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Closure and erasure of a borrower's personal data, across the tables that hold it (V17, ADR 0024). */
@Mapper
public interface AccountClosureMapper {

    /** What still ties the borrower to the platform, one count per reason (zero everywhere: closable). */
    record OpenBusiness(int openApplications, int openLoans, int moneyInFlight, int disputedPayments, int refundsOwed) {
    }

    OpenBusiness openBusiness(@Param("borrowerId") String borrowerId);

    /** Whether money was ever lent to the borrower (a loan, or a payout that reached the card). */
    boolean everBorrowed(@Param("borrowerId") String borrowerId);

    /** Closes an open account; frees its phone and ID number for a new registration. 0 rows: closed already. */
    int close(@Param("borrowerId") String borrowerId, @Param("at") LocalDateTime at,
              @Param("retainUntil") LocalDate retainUntil);

    LocalDateTime closedAt(@Param("borrowerId") String borrowerId);

    /** Closed accounts whose retention has run out (or never applied) and which are not erased yet. */
    List<String> dueForErasure(@Param("today") LocalDate today, @Param("limit") int limit);

    /** Marks the borrower erased and clears its columns; 0 rows: not closed, still retained, or erased already. */
    int eraseBorrower(@Param("borrowerId") String borrowerId, @Param("at") LocalDateTime at,
                      @Param("today") LocalDate today);

    List<String> applicationIds(@Param("borrowerId") String borrowerId);

    List<String> creditAuthorizationConsentIds(@Param("borrowerId") String borrowerId);

    int deleteIdentityDocument(@Param("borrowerId") String borrowerId);

    int eraseConsents(@Param("borrowerId") String borrowerId);

    /** The borrower's device/IP rows that no fraud signal counts any more (older than the window, or no index). */
    int deleteUncountedDeviceEvents(@Param("borrowerId") String borrowerId,
                                    @Param("deviceCountedFrom") java.time.LocalDateTime deviceCountedFrom,
                                    @Param("ipCountedFrom") java.time.LocalDateTime ipCountedFrom);

    /** The rest lose everything but the two blind indexes and the time, under a random stand-in borrower id. */
    int unlinkDeviceEvents(@Param("borrowerId") String borrowerId, @Param("standIn") String standIn,
                           @Param("ipCountedFrom") java.time.LocalDateTime ipCountedFrom,
                           @Param("noAttributes") String noAttributes);

    int eraseApplications(@Param("borrowerId") String borrowerId);

    int eraseContracts(@Param("borrowerId") String borrowerId);

    int eraseDisbursements(@Param("borrowerId") String borrowerId);

    int eraseRefundPayees(@Param("borrowerId") String borrowerId);

    int deleteCreditReports(@Param("borrowerId") String borrowerId);

    int eraseDecisionInputs(@Param("borrowerId") String borrowerId);

    int eraseReviewComments(@Param("borrowerId") String borrowerId);

    int deleteFormPropertyDetails(@Param("processInstanceId") String processInstanceId);

    int deleteEngineComments(@Param("processInstanceId") String processInstanceId);
}

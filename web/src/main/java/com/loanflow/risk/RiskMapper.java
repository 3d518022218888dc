package com.loanflow.risk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RiskMapper {

    void insertDecision(DecisionRecord record);

    Optional<DecisionRecord> findDecision(String applicationId);

    /** The OCR worker's verdict on the application's ID card photo; empty when none was recorded. */
    Optional<Boolean> findIdCardConfirmed(String applicationId);

    void deleteIdCardCheck(String applicationId);

    void insertIdCardCheck(@Param("applicationId") String applicationId, @Param("confirmed") boolean confirmed,
                           @Param("checkCode") String checkCode, @Param("recordedAt") LocalDateTime recordedAt);

    /** Per arm and strategy: live volume, decisions scored (live + shadow), outcomes and mean PD. */
    List<StrategyComparison.ArmCounts> countDecisionsByArm();

    /** Per arm and strategy, over live decisions that became loans: activated, aged and defaulted loans. */
    List<StrategyComparison.LoanCounts> countLoansByArm(@Param("agedBefore") LocalDate agedBefore,
                                                        @Param("unpaidDefaultBefore") LocalDate unpaidDefaultBefore,
                                                        @Param("defaultDays") int defaultDays);

    /** The manual review's decision (APPROVE or REJECT) for an application; there is at most one. */
    Optional<String> findReviewOutcome(String applicationId);

    void insertReviewDecision(@Param("id") String id, @Param("applicationId") String applicationId,
                              @Param("reviewer") String reviewer, @Param("decision") String decision,
                              @Param("comment") String comment, @Param("rejectionReason") String rejectionReason,
                              @Param("decidedAt") LocalDateTime decidedAt);
}

package com.loanflow.sandbox.channel;

import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface SandboxPayoutMapper {

    void insert(SandboxPayout payout);

    Optional<SandboxPayout> find(String requestId);

    java.util.List<SandboxPayout> findForStatement(@Param("merchantId") String merchantId,
                                                   @Param("from") java.time.LocalDateTime from,
                                                   @Param("to") java.time.LocalDateTime to);

    /** {@code acceptedAt}: when this attempt is the one accepted, else null (a first acceptance time is kept). */
    int recordAttempt(@Param("requestId") String requestId, @Param("status") String status, @Param("version") int version,
                      @Param("acceptedAt") java.time.LocalDateTime acceptedAt);
}

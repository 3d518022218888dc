package com.loanflow.payment;

import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface PaymentCallbackMapper {

    record Conflict(String id, String channel, String requestId, String appliedStatus, String status,
                    String channelTxnId, String failureCode, LocalDateTime receivedAt) {
    }

    /** The newest contradicting final answers first. */
    java.util.List<Conflict> findConflicts(@Param("limit") int limit);

    /** The unique key (channel, request_id): a second final callback for one request throws DuplicateKeyException. */
    void insert(@Param("id") String id, @Param("channel") String channel, @Param("requestId") String requestId,
                @Param("status") String status, @Param("channelTxnId") String channelTxnId,
                @Param("failureCode") String failureCode, @Param("receivedAt") LocalDateTime receivedAt);

    Optional<String> findStatus(@Param("channel") String channel, @Param("requestId") String requestId);

    /** Unique per (channel, request_id, status): a repeated contradicting callback throws DuplicateKeyException. */
    void insertConflict(@Param("id") String id, @Param("channel") String channel, @Param("requestId") String requestId,
                       @Param("appliedStatus") String appliedStatus, @Param("status") String status,
                       @Param("channelTxnId") String channelTxnId, @Param("failureCode") String failureCode,
                       @Param("receivedAt") LocalDateTime receivedAt);
}

package com.loanflow.shared.outbox;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface OutboxMapper {

    void insert(@Param("eventId") String eventId, @Param("aggregateId") String aggregateId,
                @Param("exchangeName") String exchangeName,
                @Param("routingKey") String routingKey, @Param("payloadType") String payloadType,
                @Param("payload") String payload, @Param("at") LocalDateTime at);

    /**
     * Unpublished events whose next attempt is due and which are the first unpublished event of their aggregate, oldest
     * first; of one aggregate only when {@code aggregateId} is given.
     */
    List<OutboxEvent> findDue(@Param("now") LocalDateTime now, @Param("aggregateId") String aggregateId,
                              @Param("limit") int limit);

    /** Takes an event for one attempt until {@code leaseUntil}; 0 rows when another node took it or it was published. */
    int claim(@Param("seq") long seq, @Param("now") LocalDateTime now, @Param("leaseUntil") LocalDateTime leaseUntil);

    int markPublished(@Param("seq") long seq, @Param("at") LocalDateTime at);

    int markFailed(@Param("seq") long seq, @Param("error") String error, @Param("retryAt") LocalDateTime retryAt);

    Optional<OutboxEvent> findByEventId(@Param("eventId") String eventId);

    /** Deletes up to {@code limit} events published before {@code before}; returns how many. */
    int deletePublishedBefore(@Param("before") LocalDateTime before, @Param("limit") int limit);

    /** Deletes up to {@code limit} handled-message records older than {@code before}; returns how many. */
    int deleteHandledBefore(@Param("before") LocalDateTime before, @Param("limit") int limit);

    /** Records that a consumer handled a message; false (duplicate key) when it had already. */
    int insertHandled(@Param("consumer") String consumer, @Param("messageId") String messageId,
                      @Param("at") LocalDateTime at);
}

package com.loanflow.audit;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Append and read only: the audit log has no UPDATE or DELETE statement. */
@Mapper
interface AuditLogMapper {

    /** Takes the chain lock (row 1 of audit_log_lock) until the transaction ends. */
    int lockChain();

    Optional<AuditEntry> findLast();

    void insert(AuditEntry entry);

    List<AuditEntry> findAfter(@Param("afterSeq") long afterSeq, @Param("limit") int limit);
}

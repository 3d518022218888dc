package com.loanflow.blacklist;

import com.loanflow.risk.BlacklistEntry;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface BlacklistMapper {

    void insert(BlacklistEntry entry);

    /** The entry for a value, active or expired. */
    Optional<BlacklistEntry> find(@Param("entryType") String entryType, @Param("valueIdx") String valueIdx);

    Optional<BlacklistEntry> findById(String id);

    int delete(String id);

    /** Newest first; entryType null = every type. */
    List<BlacklistEntry> list(@Param("entryType") String entryType, @Param("limit") int limit,
                              @Param("offset") int offset);
}

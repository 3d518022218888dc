package com.loanflow.device;

import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface DeviceEventMapper {

    void insert(DeviceEvent event);

    Optional<DeviceEvent> findSubmission(String applicationId);

    int countBorrowersOnDevice(@Param("deviceIdx") String deviceIdx, @Param("from") LocalDateTime from,
                               @Param("to") LocalDateTime to);

    int countSubmissionsFromIp(@Param("ipIdx") String ipIdx, @Param("from") LocalDateTime from,
                               @Param("to") LocalDateTime to);

    int deleteBefore(LocalDateTime cutoff);

    /** Rows unlinked from erased accounts ({@link DeviceEvent#UNLINKED_PREFIX}) older than the cutoff. */
    int deleteUnlinkedBefore(@Param("cutoff") LocalDateTime cutoff, @Param("prefix") String prefix);

    /** Clears the IP index of unlinked rows older than the cutoff (the IP burst window has passed). */
    int clearUnlinkedIpBefore(@Param("cutoff") LocalDateTime cutoff, @Param("prefix") String prefix);
}

package com.loanflow.notification;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface SandboxSmsMapper {

    void insert(SandboxSms sms);

    List<SandboxSms> findByPhoneIdx(String phoneIdx);
}

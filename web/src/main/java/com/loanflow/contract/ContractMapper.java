package com.loanflow.contract;

import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ContractMapper {

    void insert(LoanContract contract);

    Optional<LoanContract> findByApplicationId(String applicationId);

    int markSigned(@Param("id") String id, @Param("signedAt") LocalDateTime signedAt, @Param("signedIp") String signedIp,
                   @Param("version") int version);

    /** @return 0 if the contract already holds signed bytes: they are immutable */
    int storeSignedPdf(@Param("id") String id, @Param("signedPdfEnc") String signedPdfEnc,
                       @Param("signedPdfSha256") String signedPdfSha256,
                       @Param("borrowerCertSerial") String borrowerCertSerial);

    void recordPricing(@Param("id") String id, @Param("serviceFee") java.math.BigDecimal serviceFee,
                       @Param("irrAprPercent") java.math.BigDecimal irrAprPercent);

    Optional<Contracts.Pricing> findPricing(String applicationId);

    void deleteSigningCode(String applicationId);

    void insertSigningCode(SigningCode code);

    Optional<SigningCode> findSigningCode(String applicationId);

    int countAttempt(@Param("applicationId") String applicationId, @Param("version") int version);

    int consume(@Param("applicationId") String applicationId, @Param("consumedAt") LocalDateTime consumedAt,
                @Param("version") int version);

    int markDelivered(@Param("id") String id, @Param("at") java.time.LocalDateTime at);

    boolean isDelivered(@Param("id") String id);
}

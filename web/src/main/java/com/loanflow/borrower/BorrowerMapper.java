package com.loanflow.borrower;

import java.math.BigDecimal;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface BorrowerMapper {

    void insert(Borrower borrower);

    void insertConsent(Consent consent);

    Optional<Borrower> findById(String id);

    Optional<Borrower> findByPhoneIdx(String phoneIdx);

    boolean existsByIdNumberIdxOtherThan(@Param("idNumberIdx") String idNumberIdx, @Param("borrowerId") String borrowerId);

    int updateIdentity(@Param("id") String id, @Param("nameEnc") String nameEnc, @Param("nameMasked") String nameMasked,
                       @Param("idNumberEnc") String idNumberEnc, @Param("idNumberIdx") String idNumberIdx,
                       @Param("idNumberMasked") String idNumberMasked, @Param("version") int version);

    /** Moves the verification status only from one of {@code from}; 0 rows when it is elsewhere. */
    /** Records the first time the identity passed an application's checks (kept once set). */
    void recordIdentityVerified(@Param("id") String id, @Param("at") java.time.LocalDateTime at);

    /** Whether the identity ever passed an application's checks: then it never changes. */
    boolean identityEverVerified(String id);

    int updateVerificationStatus(@Param("id") String id, @Param("status") VerificationStatus status,
                                 @Param("from") java.util.Collection<VerificationStatus> from);

    /** Sets the limit only on the version that was read; 0 rows means the borrower changed meanwhile. */
    int updateCreditLimit(@Param("id") String id, @Param("creditLimit") BigDecimal creditLimit,
                          @Param("version") int version);

    void deleteIdentityDocument(String borrowerId);

    void insertIdentityDocument(IdentityDocument document);

    Optional<IdentityDocument> findIdentityDocument(String borrowerId);

    /** Whether the identity document is on file, without reading its (large, encrypted) images. */
    boolean hasIdentityDocument(String borrowerId);

    /** Borrowers whose identity photos are on file with no face recognition authorization in force, at most limit. */
    java.util.List<String> identityDocumentsWithoutFaceConsent(@Param("limit") int limit);

    int countConsents(@Param("borrowerId") String borrowerId, @Param("consentType") String consentType);

    int updatePasswordHash(@Param("id") String id, @Param("passwordHash") String passwordHash,
                           @Param("version") int version);

    /** Whether the borrower consented to this version of this agreement (at registration or since). */
    boolean hasConsent(@Param("borrowerId") String borrowerId, @Param("consentType") String consentType,
                       @Param("version") String version);

    /** The borrower's consents of one type, newest first. */
    java.util.List<Consent> findConsents(@Param("borrowerId") String borrowerId, @Param("consentType") String consentType);

    java.time.LocalDateTime lastWithdrawal(@Param("borrowerId") String borrowerId, @Param("consentType") String consentType);

    /** Locks the borrower's row until the transaction ends (SELECT ... FOR UPDATE). */
    /** Locks the row until the transaction ends; OPEN or CLOSED, null when there is no such borrower. */
    String lockForUpdate(@Param("id") String id);

    /** Marks every consent of that type still in force as withdrawn; the rows themselves stay. */
    int withdrawConsents(@Param("borrowerId") String borrowerId, @Param("consentType") String consentType,
                         @Param("at") java.time.LocalDateTime at, @Param("clientIp") String clientIp,
                         @Param("userAgent") String userAgent);
}

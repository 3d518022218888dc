package com.loanflow.borrower;

import com.loanflow.agreement.Agreement;
import com.loanflow.agreement.AgreementCatalog;
import com.loanflow.agreement.AgreementType;
import com.loanflow.shared.ApiError;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.BlindIndex;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Masking;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.loanflow.workers.bureau.BureauReportEviction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration with consents, login, identity submission: the borrower's own lifecycle. */
@Service
public class Borrowers {

    private static final Logger log = LoggerFactory.getLogger(Borrowers.class);
    static final String PHONE_DOMAIN = "phone";
    public static final String ID_NUMBER_DOMAIN = "id-number";
    private static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

    private final BorrowerMapper mapper;
    private final AgreementCatalog agreements;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final Clock clock;
    private final BureauReportEviction bureauReports;
    private final LoginThrottle loginThrottle;
    private final SessionTokens sessions;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(10);

    Borrowers(BorrowerMapper mapper, AgreementCatalog agreements, FieldCipher cipher, BlindIndex blindIndex, Clock clock,
              BureauReportEviction bureauReports, LoginThrottle loginThrottle, SessionTokens sessions) {
        this.loginThrottle = loginThrottle;
        this.sessions = sessions;
        this.mapper = mapper;
        this.agreements = agreements;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.clock = clock;
        this.bureauReports = bureauReports;
    }

    @Transactional
    public String register(BorrowerRequests.Registration request, String clientIp, String userAgent) {
        List<Agreement> consented = consentedAgreements(request.consents());
        String phoneIdx = blindIndex.of(PHONE_DOMAIN, request.phone());
        if (mapper.findByPhoneIdx(phoneIdx).isPresent()) {
            throw ApiException.conflict("PHONE_ALREADY_REGISTERED", "This phone number is already registered");
        }
        String id = Ids.newId();
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            mapper.insert(new Borrower(id, cipher.encrypt(request.phone(), FieldCipher.context(Borrower.TABLE, "phone", id)),
                    phoneIdx, Masking.phone(request.phone()), passwords.encode(request.password()), null, null, null,
                    null, null, VerificationStatus.NOT_SUBMITTED, null, now, 0));
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("PHONE_ALREADY_REGISTERED", "This phone number is already registered");
        }
        for (Agreement agreement : consented) {
            mapper.insertConsent(new Consent(Ids.newId(), id, agreement.type().name(), agreement.version(),
                    agreement.sha256(), clientIp, truncate(userAgent), null, now));
        }
        return id;
    }

    /** Every current agreement must be consented to, in its current version; anything else is a field error. */
    private List<Agreement> consentedAgreements(List<BorrowerRequests.ConsentGiven> given) {
        Map<AgreementType, String> byType = new HashMap<>();
        for (BorrowerRequests.ConsentGiven consent : given) {
            try {
                byType.put(AgreementType.valueOf(consent.type()), consent.version());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("consents", "unknown consent type " + consent.type());
            }
        }
        List<Agreement> result = new ArrayList<>();
        List<ApiError.FieldError> missing = new ArrayList<>();
        for (Agreement current : agreements.current()) {
            String version = byType.get(current.type());
            if (!current.version().equals(version)) {
                missing.add(new ApiError.FieldError("consents",
                        "consent to " + current.type() + " version " + current.version() + " is required"));
            } else {
                result.add(current);
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "CONSENT_REQUIRED", "Required consents are missing", missing);
        }
        return result;
    }

    /**
     * Each agreement this borrower's consent is in force for, as the latest consent not withdrawn (with the version
     * consented to): what a contract cites, rather than the versions current when it is drawn up.
     */
    @Transactional(readOnly = true)
    public List<Consent> consentsInForce(String borrowerId) {
        List<Consent> inForce = new ArrayList<>();
        for (AgreementType type : AgreementType.values()) {
            mapper.findConsents(borrowerId, type.name()).stream().filter(c -> c.withdrawnAt() == null).findFirst()
                    .ifPresent(inForce::add);
        }
        return inForce;
    }

    /** The current agreements this borrower has not consented to in their current version. */
    @Transactional(readOnly = true)
    public List<Agreement> missingConsents(String borrowerId) {
        return agreements.current().stream()
                .filter(a -> !mapper.hasConsent(borrowerId, a.type().name(), a.version()))
                .toList();
    }

    /**
     * Records consent (time, IP, user agent, the document's hash) to each listed agreement; each must name a current
     * agreement in its current version. Consent already given to that version is not recorded twice.
     */
    @Transactional
    public void consent(String borrowerId, List<BorrowerRequests.ConsentGiven> given, String clientIp,
                        String userAgent) {
        lockBorrower(borrowerId);
        List<Agreement> toRecord = new ArrayList<>();
        for (BorrowerRequests.ConsentGiven consent : given) {
            AgreementType type;
            try {
                type = AgreementType.valueOf(consent.type());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("consents", "unknown consent type " + consent.type());
            }
            Agreement current = agreements.current().stream().filter(a -> a.type() == type).findFirst().orElseThrow();
            if (!current.version().equals(consent.version())) {
                throw ApiException.invalidField("consents", type + " version " + consent.version()
                        + " is not the current version " + current.version());
            }
            if (!mapper.hasConsent(borrowerId, type.name(), current.version()) && !toRecord.contains(current)) {
                toRecord.add(current);
            }
        }
        LocalDateTime now = LocalDateTime.now(clock);
        for (Agreement agreement : toRecord) {
            mapper.insertConsent(new Consent(Ids.newId(), borrowerId, agreement.type().name(), agreement.version(),
                    agreement.sha256(), clientIp, truncate(userAgent), null, now));
        }
    }

    /**
     * Withdraws the borrower's consent to an agreement (PIPL art. 15): the consent rows stay as evidence, the withdrawal
     * is recorded beside them with time, IP and user agent, and from now on the agreement counts as not consented
     * (applying asks for it again). Processing already done on the consent is not undone. Refused where it would pull
     * the legal basis from under work in progress: the credit authorization during an application's automatic checks,
     * the privacy policy and service agreement while an application or loan is open (its servicing needs them).
     * Withdrawing what is not in force changes nothing. A credit authorization's bureau report cached by the workers
     * is deleted before the withdrawal commits (PIPL art. 47): if the cache cannot be reached, the withdrawal is
     * refused with 503 and nothing changes, rather than answered done while the report is kept. The reports stored
     * with the decisions already taken stay, as the decision records' evidence.
     */
    @Transactional
    public void withdrawConsent(String borrowerId, String type, String clientIp, String userAgent,
                                OpenApplications applications) {
        lockBorrower(borrowerId);
        AgreementType agreement;
        try {
            agreement = AgreementType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("type", "must be one of " + java.util.Arrays.toString(AgreementType.values()));
        }
        if (agreement == AgreementType.CREDIT_AUTHORIZATION && applications.isBeingAssessed(borrowerId)) {
            throw ApiException.conflict("APPLICATION_BEING_ASSESSED", "Your application is being checked with the credit"
                    + " bureau now; withdraw once the decision is shown, or withdraw the application afterwards");
        }
        // the face photo is needed only while an application is verified (its automatic checks) or its photos are
        // before a reviewer; a loan is serviced without it, so withdrawal is not held for the loan's whole term
        if (agreement == AgreementType.FACE_RECOGNITION && (applications.isBeingAssessed(borrowerId)
                || applications.isInReview(borrowerId))) {
            throw ApiException.conflict("APPLICATION_BEING_ASSESSED", "Your identity photos are in use for your"
                    + " application's checks now; withdraw once the decision is shown, or withdraw the application");
        }
        if (agreement != AgreementType.CREDIT_AUTHORIZATION && agreement != AgreementType.FACE_RECOGNITION
                && applications.hasOpenApplication(borrowerId)) {
            throw ApiException.conflict("CONSENT_NEEDED_FOR_OPEN_LOAN", "The " + agreement.title() + " is needed to"
                    + " service your open application or loan; it can be withdrawn once that is closed");
        }
        List<String> inForce = mapper.findConsents(borrowerId, agreement.name()).stream()
                .filter(consent -> consent.withdrawnAt() == null).map(Consent::id).toList();
        mapper.withdrawConsents(borrowerId, agreement.name(), LocalDateTime.now(clock), clientIp, truncate(userAgent));
        if (agreement == AgreementType.CREDIT_AUTHORIZATION) {
            inForce.forEach(this::evictBureauReport);
        }
        if (agreement == AgreementType.FACE_RECOGNITION && !inForce.isEmpty()) {
            eraseFace(borrowerId);
        }
    }

    /**
     * PIPL art. 47: the face photo goes with the consent it was taken under. The identity document (ID card image and
     * face photo, one row) is deleted; before the next application the borrower submits the photos again, under a new
     * consent, for the same name and ID number (see {@link #submitIdentity}). Name and ID number stay, as the parties
     * of the open loan and of the records.
     */
    private void eraseFace(String borrowerId) {
        mapper.deleteIdentityDocument(borrowerId);
        log.info("Face photo of borrower {} deleted with the withdrawn face recognition authorization", borrowerId);
    }

    /**
     * Deletes the borrower's ID card image and face photo when no face recognition authorization is in force for
     * them (photos taken before the authorization existed, PIPL art. 29: face data needs its own consent); kept while
     * an application's checks or its reviewer use them. Under the borrower's lock, re-checked, so a consent or an
     * application in between wins. True when something was deleted.
     */
    @Transactional
    public boolean eraseFaceWithoutConsent(String borrowerId, OpenApplications applications) {
        lockBorrower(borrowerId);
        boolean consented = mapper.findConsents(borrowerId, AgreementType.FACE_RECOGNITION.name()).stream()
                .anyMatch(c -> c.withdrawnAt() == null);
        if (consented || !mapper.hasIdentityDocument(borrowerId) || applications.isBeingAssessed(borrowerId)
                || applications.isInReview(borrowerId)) {
            return false;
        }
        mapper.deleteIdentityDocument(borrowerId);
        log.info("Face photo of borrower {} deleted: held without a face recognition authorization", borrowerId);
        return true;
    }

    /** Whether the borrower's ID card image and face photo are on file (not before submission or after erasure). */
    public boolean hasIdentityDocument(String borrowerId) {
        return mapper.hasIdentityDocument(borrowerId);
    }

    private void evictBureauReport(String consentId) {
        try {
            if (bureauReports.evictObtainedUnder(consentId)) {
                log.info("Cached bureau report obtained under withdrawn credit authorization {} deleted", consentId);
            }
        } catch (DataAccessException e) {
            // thrown inside the transaction: the withdrawal rolls back and the borrower is told to try again
            log.warn("Bureau report cache unreachable; credit authorization {} not withdrawn: {}", consentId, e.toString());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "TRY_AGAIN_LATER", "Your withdrawal could not be"
                    + " completed because a cached credit report could not be deleted just now; nothing was changed,"
                    + " please try again in a few minutes");
        }
    }

    /**
     * Serialises what depends on the borrower's consents (an application checking them, a withdrawal checking the
     * applications) on the borrower's row, so neither can slip past the other's check: the database, not timing,
     * keeps a bureau query from starting on a withdrawn authorization. Held until the caller's transaction ends.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockBorrower(String borrowerId) {
        String state = mapper.lockForUpdate(borrowerId);
        if (state == null) {
            throw ApiException.notFound("Borrower");
        }
        if ("CLOSED".equals(state)) {
            // a request authenticated just before the account was closed, which waited for this lock
            throw ApiException.conflict("ACCOUNT_CLOSED", "This account is closed");
        }
    }

    /** When the borrower last withdrew consent to this agreement type (the caller asks only when none is in force). */
    public Optional<LocalDateTime> lastWithdrawal(String borrowerId, AgreementType type) {
        return Optional.ofNullable(mapper.lastWithdrawal(borrowerId, type.name()));
    }

    public Optional<String> authenticate(String phone, String password) {
        return mapper.findByPhoneIdx(blindIndex.of(PHONE_DOMAIN, phone))
                .filter(b -> passwords.matches(password, b.passwordHash()))
                .map(Borrower::id);
    }

    /** Whether the password is the borrower's (for steps that ask for it again, such as closing the account). */
    boolean passwordMatches(String borrowerId, String password) {
        String hash = get(borrowerId).passwordHash();
        return hash != null && password != null && passwords.matches(password, hash);
    }

    /**
     * Guesses of the current password are counted with login attempts: a stolen session must not be a way to find
     * the password (and keep the account once the session expires) at the general rate limit.
     */
    @Transactional
    public void changePassword(String borrowerId, String currentPassword, String newPassword) {
        Borrower borrower = get(borrowerId);
        if (!loginThrottle.tryAttemptByIndex(borrower.phoneIdx())) {
            throw LoginThrottle.lockedOut();
        }
        if (!passwords.matches(currentPassword, borrower.passwordHash())) {
            throw ApiException.invalidField("currentPassword", "is wrong");
        }
        loginThrottle.succeededByIndex(borrower.phoneIdx());
        if (mapper.updatePasswordHash(borrowerId, passwords.encode(newPassword), borrower.version()) != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("Borrower " + borrowerId + " changed");
        }
        // every session ends inside the transaction: with Redis down the change rolls back (503), where a change
        // committed first left a stolen session alive under the new password
        try {
            sessions.revokeAll(borrowerId);
        } catch (org.springframework.dao.DataAccessException e) {
            org.slf4j.LoggerFactory.getLogger(Borrowers.class).warn("Redis unreachable; password of borrower {} not"
                    + " changed: {}", borrowerId, e.toString());
            throw new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "TRY_AGAIN_LATER",
                    "Your password could not be changed just now; nothing was changed, please try again shortly");
        }
    }

    public Borrower get(String borrowerId) {
        return mapper.findById(borrowerId).orElseThrow(() -> ApiException.notFound("Borrower"));
    }

    @Transactional
    public void submitIdentity(String borrowerId, BorrowerRequests.Identity request, OpenApplications applications) {
        byte[] front = image("idCardFrontImage", request.idCardFrontImage());
        byte[] selfie = image("selfieImage", request.selfieImage());
        // under the borrower's row lock, like applying: an application starting now is seen below, not raced
        lockBorrower(borrowerId);
        // name, ID number, ID card and face are collected under the privacy policy: not once it is withdrawn (or a
        // new version awaits consent)
        List<Agreement> missing = missingConsents(borrowerId);
        if (missing.stream().anyMatch(a -> a.type() == AgreementType.PRIVACY_POLICY)) {
            throw ApiException.conflict("CONSENT_REQUIRED", "Consent to the current privacy policy first"
                    + " (POST /api/v1/borrowers/me/consents); identity data is collected only under it");
        }
        // a face photo only under its own, separate consent (sensitive personal information, PIPL art. 29)
        if (missing.stream().anyMatch(a -> a.type() == AgreementType.FACE_RECOGNITION)) {
            throw ApiException.conflict("CONSENT_REQUIRED", "Consent to the current face recognition authorization"
                    + " first (POST /api/v1/borrowers/me/consents); a face photo is collected only under it");
        }
        boolean applicationOpen = applications.hasOpenApplication(borrowerId);
        Borrower borrower = get(borrowerId);
        if (borrower.verificationStatus() == VerificationStatus.VERIFIED
                && mapper.hasIdentityDocument(borrowerId)) {
            throw ApiException.conflict("IDENTITY_ALREADY_VERIFIED", "Identity is verified and cannot be changed");
        }
        if (mapper.identityEverVerified(borrowerId) && !sameIdentity(borrower, request)) {
            // photos again (erased with the face consent, or a later check failed) only for the same person
            throw ApiException.conflict("IDENTITY_ALREADY_VERIFIED", "Identity was verified and cannot be changed;"
                    + " submit photos for the name and ID number on file");
        }
        if (applicationOpen) {
            throw ApiException.conflict("APPLICATION_ALREADY_OPEN", "Identity cannot change while an application is open");
        }
        String idNumberIdx = blindIndex.of(ID_NUMBER_DOMAIN, request.idNumber());
        if (mapper.existsByIdNumberIdxOtherThan(idNumberIdx, borrowerId)) {
            throw ApiException.conflict("IDENTITY_ALREADY_REGISTERED", "This ID number belongs to another account");
        }
        int updated;
        try {
            updated = mapper.updateIdentity(borrowerId,
                    cipher.encrypt(request.name(), FieldCipher.context(Borrower.TABLE, "name", borrowerId)),
                    Masking.name(request.name()),
                    cipher.encrypt(request.idNumber(), FieldCipher.context(Borrower.TABLE, "id_number", borrowerId)),
                    idNumberIdx, Masking.idNumber(request.idNumber()), borrower.version());
        } catch (org.springframework.dao.DuplicateKeyException concurrentOtherAccount) {
            // uk_borrower_id_number: another account claimed this ID number between the check above and now
            throw ApiException.conflict("IDENTITY_ALREADY_REGISTERED", "This ID number belongs to another account");
        }
        if (updated != 1) {
            throw ApiException.conflict("CONCURRENT_UPDATE", "The profile changed concurrently; retry");
        }
        mapper.deleteIdentityDocument(borrowerId);
        mapper.insertIdentityDocument(new IdentityDocument(borrowerId,
                sealImage(front, "id_card_front", borrowerId), sealImage(selfie, "selfie", borrowerId),
                LocalDateTime.now(clock)));
    }

    /**
     * An identity that once passed an application's checks never changes (its loans and records are that person's):
     * photos submitted again, after the face photo was erased with its consent or after a later check failed, are
     * accepted only for the name and ID number on file, and verified again by the next application's checks.
     */
    private boolean sameIdentity(Borrower borrower, BorrowerRequests.Identity request) {
        return blindIndex.of(ID_NUMBER_DOMAIN, request.idNumber()).equals(borrower.idNumberIdx())
                && borrower.nameEnc() != null && request.name().equals(name(borrower));
    }

    /** Plaintext identity of a borrower, for the internal worker API and the contract; never logged. */
    public record Applicant(String name, String idNumber, String phone, String idCardFrontImage, String selfieImage) {

        @Override
        public String toString() {
            return "Applicant[" + com.loanflow.shared.Masking.name(name) + ", "
                    + com.loanflow.shared.Masking.idNumber(idNumber) + ", " + com.loanflow.shared.Masking.phone(phone)
                    + ", images=****]";
        }
    }

    public Applicant applicant(String borrowerId) {
        Borrower b = get(borrowerId);
        IdentityDocument document = mapper.findIdentityDocument(borrowerId)
                .orElseThrow(() -> ApiException.notFound("Identity document"));
        return new Applicant(name(b), idNumber(b), phone(b),
                openImage(document.idCardFrontEnc(), "id_card_front", borrowerId),
                openImage(document.selfieEnc(), "selfie", borrowerId));
    }

    public String name(Borrower b) {
        return cipher.decrypt(b.nameEnc(), FieldCipher.context(Borrower.TABLE, "name", b.id()));
    }

    public String idNumber(Borrower b) {
        return cipher.decrypt(b.idNumberEnc(), FieldCipher.context(Borrower.TABLE, "id_number", b.id()));
    }

    public String phone(Borrower b) {
        return cipher.decrypt(b.phoneEnc(), FieldCipher.context(Borrower.TABLE, "phone", b.id()));
    }

    /** Checks passed for the identity the borrower submitted (a job retry finds it VERIFIED already). */
    @Transactional
    public void markIdentityVerified(String borrowerId) {
        moveVerification(borrowerId, VerificationStatus.VERIFIED,
                java.util.EnumSet.of(VerificationStatus.SUBMITTED, VerificationStatus.VERIFIED));
        mapper.recordIdentityVerified(borrowerId, LocalDateTime.now(clock));
    }

    /**
     * A check failed: the borrower may submit their identity again (a verified one fails on a later check too; its
     * name and ID number stay, see submitIdentity).
     */
    @Transactional
    public void markIdentityFailed(String borrowerId) {
        moveVerification(borrowerId, VerificationStatus.FAILED, java.util.EnumSet.of(VerificationStatus.SUBMITTED,
                VerificationStatus.VERIFIED, VerificationStatus.FAILED));
    }

    private void moveVerification(String borrowerId, VerificationStatus next, java.util.Set<VerificationStatus> from) {
        if (mapper.updateVerificationStatus(borrowerId, next, from) != 1) {
            // e.g. NOT_SUBMITTED: no identity was checked; the job fails and ops see an incident
            throw new IllegalStateException("Borrower " + borrowerId + " is " + get(borrowerId).verificationStatus()
                    + ", not one of " + from + "; it cannot become " + next);
        }
    }

    /** The limit the latest decision granted, written on the version read (a concurrent change → retry). */
    @Transactional
    public void recordCreditLimit(String borrowerId, java.math.BigDecimal creditLimit) {
        Borrower borrower = get(borrowerId);
        if (mapper.updateCreditLimit(borrowerId, creditLimit, borrower.version()) != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("Borrower " + borrowerId + " changed");
        }
    }

    @Transactional
    public void recordConsent(String borrowerId, String consentType, String version, String documentSha256,
                              String clientIp, String userAgent, String applicationId) {
        mapper.insertConsent(new Consent(Ids.newId(), borrowerId, consentType, version, documentSha256, clientIp,
                truncate(userAgent), applicationId, LocalDateTime.now(clock)));
    }

    private String openImage(String sealed, String column, String borrowerId) {
        byte[] image = cipher.decryptBytes(Base64.getDecoder().decode(sealed),
                FieldCipher.context(IdentityDocument.TABLE, column, borrowerId));
        return Base64.getEncoder().encodeToString(image);
    }

    private String sealImage(byte[] image, String column, String borrowerId) {
        return Base64.getEncoder().encodeToString(
                cipher.encryptBytes(image, FieldCipher.context(IdentityDocument.TABLE, column, borrowerId)));
    }

    /** Base64 PNG or JPEG of at most 2 MiB: anything else is rejected before it is stored. */
    static byte[] image(String field, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be base64");
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw ApiException.invalidField(field, "must be at most 2 MiB");
        }
        boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8;
        if (!png && !jpeg) {
            throw ApiException.invalidField(field, "must be a PNG or JPEG image");
        }
        // the header's dimensions, read without decoding: a small file can declare an image that would take
        // gigabytes to decode (OCR and face comparison decode it), a "decompression bomb"
        long[] size = dimensions(bytes);
        if (size == null) {
            throw ApiException.invalidField(field, "is not a readable PNG or JPEG image");
        }
        if (size[0] > MAX_IMAGE_SIDE || size[1] > MAX_IMAGE_SIDE || size[0] * size[1] > MAX_IMAGE_PIXELS) {
            throw ApiException.invalidField(field, "must be at most " + MAX_IMAGE_SIDE + " pixels a side and "
                    + MAX_IMAGE_PIXELS / 1_000_000 + " megapixels (a phone photo is well within)");
        }
        // the pixels too, not only the header: a header without image data was accepted here and failed later in
        // the workers' OCR and face checks, far from the field that was wrong
        if (!decodes(bytes, size)) {
            throw ApiException.invalidField(field, "is not a readable PNG or JPEG image (its pixel data is missing or"
                    + " damaged)");
        }
        return bytes;
    }

    /**
     * Decodes the whole image at most 64 pixels a side (every n-th pixel): every row is read, so missing or broken
     * data fails, and the memory used stays small whatever the image's size.
     */
    static boolean decodes(byte[] bytes, long[] size) {
        Boolean decoded = withReader(bytes, reader -> {
            var param = reader.getDefaultReadParam();
            param.setSourceSubsampling((int) Math.max(1, size[0] / 64), (int) Math.max(1, size[1] / 64), 0, 0);
            return reader.read(0, param) != null;
        });
        return Boolean.TRUE.equals(decoded);
    }

    static final int MAX_IMAGE_SIDE = 8000;
    static final long MAX_IMAGE_PIXELS = 24_000_000L;

    /** Width and height from the image header, or null when no reader understands it. */
    static long[] dimensions(byte[] bytes) {
        return withReader(bytes, reader -> new long[] {reader.getWidth(0), reader.getHeight(0)});
    }

    private interface ImageRead<T> {
        T apply(javax.imageio.ImageReader reader) throws java.io.IOException;
    }

    /** What {@code read} finds with the first reader that takes the bytes; null when none does or reading fails. */
    private static <T> T withReader(byte[] bytes, ImageRead<T> read) {
        try (var in = javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
            var readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return read.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String truncate(String userAgent) {
        return userAgent == null || userAgent.length() <= 255 ? userAgent : userAgent.substring(0, 255);
    }
}

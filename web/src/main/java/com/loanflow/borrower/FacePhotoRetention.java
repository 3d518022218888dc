package com.loanflow.borrower;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly: ID card images and face photos held without a face recognition authorization in force are deleted (PIPL
 * arts. 29 and 47, ADR 0021). A borrower today cannot submit photos without that authorization and withdrawing it
 * deletes them at once, so what this finds are photos taken before the authorization existed (an upgraded
 * deployment). Their owners are asked for the authorization and new photos when they next apply, as after a
 * withdrawal. Photos an application's checks or its reviewer use are kept until that is over.
 */
@Component
class FacePhotoRetention {

    static final int MAX_PER_RUN = 1_000;

    private static final Logger log = LoggerFactory.getLogger(FacePhotoRetention.class);

    private final BorrowerMapper mapper;
    private final Borrowers borrowers;
    private final OpenApplications applications;

    FacePhotoRetention(BorrowerMapper mapper, Borrowers borrowers, OpenApplications applications) {
        this.mapper = mapper;
        this.borrowers = borrowers;
        this.applications = applications;
    }

    @Scheduled(cron = "${loanflow.privacy.face-erasure-cron:0 25 3 * * *}", zone = "${loanflow.reminders.zone:Asia/Shanghai}")
    void eraseTonight() {
        int erased = eraseWithoutConsent();
        if (erased > 0) {
            log.info("Face photos of {} borrowers without a face recognition authorization deleted", erased);
        }
    }

    /** Each borrower in its own transaction; one that fails is logged and left for the next run. Returns how many. */
    int eraseWithoutConsent() {
        int erased = 0;
        List<String> candidates = mapper.identityDocumentsWithoutFaceConsent(MAX_PER_RUN);
        for (String borrowerId : candidates) {
            try {
                if (borrowers.eraseFaceWithoutConsent(borrowerId, applications)) {
                    erased++;
                }
            } catch (RuntimeException e) {
                log.error("Face photo of borrower {} not deleted; retried on the next run: {}", borrowerId,
                        e.getClass().getName());
            }
        }
        return erased;
    }
}

package com.loanflow.device;

import com.loanflow.borrower.Borrower;
import com.loanflow.borrower.Borrowers;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Fraud signals from the device/behaviour log, counted in the windows before the submission itself (so assessing
 * again later gives the same answer). {@link FraudSignals.Snapshot#deviceId()} is the device reference, its keyed
 * blind index ({@link DeviceLog#deviceIndex}), never the raw id; DEVICE blacklist entries are keyed by the same
 * reference: {@code blacklist.contains(EntryType.DEVICE, EntryType.DEVICE.domain(), snapshot.deviceId())}.
 */
@Component
class DeviceFraudSignals implements FraudSignals {

    private final DeviceEventMapper mapper;
    private final Borrowers borrowers;
    private final PhoneRegions phoneRegions;

    DeviceFraudSignals(DeviceEventMapper mapper, Borrowers borrowers, PhoneRegions phoneRegions) {
        this.mapper = mapper;
        this.borrowers = borrowers;
        this.phoneRegions = phoneRegions;
    }

    @Override
    public Snapshot forApplication(String applicationId) {
        Optional<DeviceEvent> recorded = mapper.findSubmission(applicationId);
        if (recorded.isEmpty()) {
            return new Snapshot(null, 0, 0, null, false); // submitted before the log existed: no signal, no flag
        }
        DeviceEvent submission = recorded.get();
        LocalDateTime at = submission.occurredAt();
        int borrowersOnDevice = submission.deviceIdx() == null ? 0
                : mapper.countBorrowersOnDevice(submission.deviceIdx(), at.minus(SHARED_DEVICE_WINDOW), at);
        // no IP index = a loopback/private address (see DeviceLog#clientIdentifying): only this application is known
        int fromIp = submission.ipIdx() == null ? 1
                : mapper.countSubmissionsFromIp(submission.ipIdx(), at.minus(IP_BURST_WINDOW), at);
        return new Snapshot(submission.deviceIdx(), borrowersOnDevice, fromIp, submission.ipRegion(),
                farFromIdentity(submission));
    }

    /** An unknown region (private, loopback, abroad-unplaced, IPv6) is never far: absence of data is no signal. */
    private boolean farFromIdentity(DeviceEvent submission) {
        Optional<String> ipProvince = ipProvince(submission.ipRegion());
        if (ipProvince.isEmpty()) {
            return false;
        }
        Borrower borrower = borrowers.get(submission.borrowerId());
        String idNumber = borrower.idNumberEnc() == null ? null : borrowers.idNumber(borrower);
        Optional<String> idProvince = Provinces.ofIdNumber(idNumber);
        Optional<String> phoneProvince = phoneRegions.province(borrowers.phone(borrower));
        if (idProvince.isEmpty() && phoneProvince.isEmpty()) {
            return false;
        }
        return !ipProvince.equals(idProvince) && !ipProvince.equals(phoneProvince);
    }

    /**
     * The stored label is "广东省|深圳市" for Chinese addresses, the province alone where ip2region knows no city
     * (many mobile ranges: "黑龙江省"), and a bare country abroad (no province name starts one).
     */
    static Optional<String> ipProvince(String ipRegion) {
        if (ipRegion == null) {
            return Optional.empty();
        }
        return Provinces.normalize(ipRegion.contains("|") ? ipRegion.substring(0, ipRegion.indexOf('|')) : ipRegion);
    }
}

package com.loanflow.device;

/**
 * Device, IP and behaviour signals for one application, computed when its risk is assessed. The risk engine turns
 * them into review flags (a shared device or a burst of applications from one IP is a fraud pattern, not proof).
 */
public interface FraudSignals {

    /** How far back other borrowers on the same device count (a shared-device flag from 3). */
    java.time.Duration SHARED_DEVICE_WINDOW = java.time.Duration.ofDays(30);
    /** How far back applications from the same IP count (a burst flag from 5). */
    java.time.Duration IP_BURST_WINDOW = java.time.Duration.ofHours(1);

    /** Signals for the application, from what the borrower API recorded when it was submitted. */
    Snapshot forApplication(String applicationId);

    /**
     * @param deviceId                    the device the application came from (null when the client sent none)
     * @param borrowersOnDeviceLast30Days distinct borrowers, this one included, who used the device in 30 days
     * @param applicationsFromIpLastHour  applications from the client IP in the hour before this one, this one included
     * @param ipRegion                    province/city from ip2region, e.g. "广东省|深圳市" (null when unknown)
     * @param ipRegionFarFromIdentity     the IP's province is neither the ID card's nor the phone number's
     */
    record Snapshot(String deviceId, int borrowersOnDeviceLast30Days, int applicationsFromIpLastHour,
                    String ipRegion, boolean ipRegionFarFromIdentity) {
    }
}

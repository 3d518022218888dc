package com.loanflow.risk;

/**
 * Signals around one application that call for a person's look rather than a rejection: device and IP patterns
 * (without the device id or IP themselves: the decision record keeps this input for replay, and it must stay free of
 * personal data), and an ID card the machine could not confirm. The hard rules turn them into review flags.
 *
 * @param borrowersOnDeviceLast30Days distinct borrowers, this one included, who used the device in 30 days
 * @param applicationsFromIpLastHour  applications from the client IP in the last hour, this one included
 * @param ipRegionFarFromIdentity     the IP's province is neither the ID card's nor the phone number's
 * @param idCardUnconfirmed           OCR could not read the ID card photo, or read a name one character off the
 *                                    claimed one with the claimed ID number (a misread as likely as a forgery); the
 *                                    registry's name and ID number check still passed
 */
public record FraudIndicators(int borrowersOnDeviceLast30Days, int applicationsFromIpLastHour,
                              boolean ipRegionFarFromIdentity, boolean idCardUnconfirmed) {

    /** No signal recorded: what the rules see when the application came with no device or IP. */
    public static final FraudIndicators NONE = new FraudIndicators(0, 0, false, false);

    /** Device and IP signals only, the ID card confirmed by OCR. */
    public FraudIndicators(int borrowersOnDeviceLast30Days, int applicationsFromIpLastHour,
                           boolean ipRegionFarFromIdentity) {
        this(borrowersOnDeviceLast30Days, applicationsFromIpLastHour, ipRegionFarFromIdentity, false);
    }
}

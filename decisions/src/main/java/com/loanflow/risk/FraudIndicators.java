package com.loanflow.risk;

/**
 * Device and IP patterns around one application, without the device id or IP themselves (the decision record keeps
 * this input for replay, and it must stay free of personal data). The hard rules turn them into review flags.
 *
 * @param borrowersOnDeviceLast30Days distinct borrowers, this one included, who used the device in 30 days
 * @param applicationsFromIpLastHour  applications from the client IP in the last hour, this one included
 * @param ipRegionFarFromIdentity     the IP's province is neither the ID card's nor the phone number's
 */
public record FraudIndicators(int borrowersOnDeviceLast30Days, int applicationsFromIpLastHour,
                              boolean ipRegionFarFromIdentity) {

    /** No signal recorded: what the rules see when the application came with no device or IP. */
    public static final FraudIndicators NONE = new FraudIndicators(0, 0, false);
}

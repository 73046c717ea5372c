package dev.tlswatch.alert;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint's alerting overrides.
 *
 * @param thresholds expiry thresholds ({@code "30"} days or {@code "33%"} of the
 * lifetime), {@code null} to use the tags' or the global ones
 * @param disabledRules rule names switched off for this endpoint, on top of the global
 * and the tags' ones
 * @param recipients mail addresses told about this endpoint, on top of the tags' and the
 * global ones
 * @param ownerName the team or person who owns the endpoint, {@code null} if none
 * @param ownerEmail the owner's mail address, told like a recipient; {@code null} if none
 */
public record EndpointAlertSettings(@Nullable List<String> thresholds, List<String> disabledRules,
		List<String> recipients, @Nullable String ownerName, @Nullable String ownerEmail) {

	/** No overrides. */
	public static final EndpointAlertSettings NONE = new EndpointAlertSettings(null, List.of(), List.of(), null, null);

	public EndpointAlertSettings {
		thresholds = (thresholds != null) ? List.copyOf(thresholds) : null;
		disabledRules = List.copyOf(disabledRules);
		recipients = List.copyOf(recipients);
	}

}

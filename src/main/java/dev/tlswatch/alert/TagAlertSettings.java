package dev.tlswatch.alert;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The alerting overrides of every endpoint with a tag.
 *
 * @param tag the tag
 * @param thresholds expiry thresholds ({@code "30"} days or {@code "33%"}), {@code null}
 * to use the global ones
 * @param disabledRules rule names switched off for endpoints with the tag
 * @param recipients mail addresses told about endpoints with the tag
 */
public record TagAlertSettings(String tag, @Nullable List<String> thresholds, List<String> disabledRules,
		List<String> recipients) {

	public TagAlertSettings {
		thresholds = (thresholds != null) ? List.copyOf(thresholds) : null;
		disabledRules = List.copyOf(disabledRules);
		recipients = List.copyOf(recipients);
	}

}

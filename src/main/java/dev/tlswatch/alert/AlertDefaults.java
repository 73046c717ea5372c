package dev.tlswatch.alert;

import java.util.List;

/**
 * The global settings that endpoints and tags override, as configured: the expiry
 * thresholds ({@code tlswatch.finding.expiry.thresholds}) and the disabled rules
 * ({@code tlswatch.alert.disabled-rules}).
 *
 * @param thresholds expiry thresholds, days ({@code 30}) or shares of the lifetime
 * ({@code 33%}), as configured
 * @param disabledRules rule names switched off everywhere, sorted
 */
public record AlertDefaults(List<String> thresholds, List<String> disabledRules) {

	/**
	 * The key of {@link #thresholds} (the finding module's;
	 * {@code tlswatch.alert.thresholds} is still read when it is not set).
	 */
	public static final String THRESHOLDS_KEY = "tlswatch.finding.expiry.thresholds";

	/** The key of {@link #disabledRules}. */
	public static final String DISABLED_RULES_KEY = "tlswatch.alert.disabled-rules";

	public AlertDefaults {
		thresholds = List.copyOf(thresholds);
		disabledRules = List.copyOf(disabledRules);
	}

}

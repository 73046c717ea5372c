package dev.tlswatch.alert;

import java.util.List;

/**
 * The global alert settings that endpoints and tags override, as configured
 * ({@code tlswatch.alert.*}).
 *
 * @param thresholds expiry thresholds, days ({@code 30}) or shares of the lifetime
 * ({@code 33%}), as configured
 * @param disabledRules rule names switched off everywhere, sorted
 */
public record AlertDefaults(List<String> thresholds, List<String> disabledRules) {

	/** The key of {@link #thresholds}. */
	public static final String THRESHOLDS_KEY = "tlswatch.alert.thresholds";

	/** The key of {@link #disabledRules}. */
	public static final String DISABLED_RULES_KEY = "tlswatch.alert.disabled-rules";

	public AlertDefaults {
		thresholds = List.copyOf(thresholds);
		disabledRules = List.copyOf(disabledRules);
	}

}

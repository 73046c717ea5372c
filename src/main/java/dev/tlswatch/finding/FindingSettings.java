package dev.tlswatch.finding;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scans are judged ({@code tlswatch.finding.*}). Unset expiry keys fall back to the
 * older {@code tlswatch.alert.thresholds} and {@code tlswatch.alert.critical-within},
 * then to the defaults; see {@link ExpiryPolicies}.
 *
 * @param expiry when a coming expiry is news
 */
@ConfigurationProperties("tlswatch.finding")
public record FindingSettings(@DefaultValue Expiry expiry) {

	/**
	 * The expiry keys, {@code null} when not set.
	 *
	 * @param thresholds days ({@code 30}) or shares of the lifetime ({@code 33%});
	 * crossing any is a warning, crossing a lower one escalates the alert
	 * @param criticalWithin expiry within this is critical
	 */
	public record Expiry(@Nullable List<String> thresholds, @Nullable Duration criticalWithin) {

		public Expiry {
			thresholds = (thresholds != null) ? List.copyOf(thresholds) : null;
		}

	}

}

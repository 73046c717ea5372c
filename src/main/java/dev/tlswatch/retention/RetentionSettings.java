package dev.tlswatch.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long what is kept ({@code tlswatch.retention.*}).
 *
 * @param enabled whether the retention job runs at all
 * @param scansInFull every scan younger than this is kept; older ones only when their
 * fingerprint or findings differ from the scan before, plus the first of each endpoint
 * per day (UTC)
 * @param deliveredOutbox delivered outbox rows are deleted this long after delivery
 * @param audit audit events are kept this long
 * @param interval how often the job runs (on one node of the cluster)
 * @param batchSize rows one statement deletes at most; each batch is its own transaction
 */
@ConfigurationProperties("tlswatch.retention")
public record RetentionSettings(@DefaultValue("true") boolean enabled, @DefaultValue("90d") Duration scansInFull,
		@DefaultValue("30d") Duration deliveredOutbox, @DefaultValue("365d") Duration audit,
		@DefaultValue("6h") Duration interval, @DefaultValue("500") int batchSize) {

	public RetentionSettings {
		requireAtLeast("scans-in-full", scansInFull, Duration.ofDays(1));
		requireAtLeast("delivered-outbox", deliveredOutbox, Duration.ofHours(1));
		requireAtLeast("audit", audit, Duration.ofDays(1));
		requireAtLeast("interval", interval, Duration.ofMinutes(1));
		if (batchSize < 1 || batchSize > 10_000) {
			throw new IllegalArgumentException("tlswatch.retention.batch-size must be 1 to 10000, was " + batchSize);
		}
	}

	private static void requireAtLeast(String key, Duration value, Duration minimum) {
		if (value.compareTo(minimum) < 0) {
			throw new IllegalArgumentException(
					"tlswatch.retention." + key + " must be at least " + minimum + ", was " + value);
		}
	}

}

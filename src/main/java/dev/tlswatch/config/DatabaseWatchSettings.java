package dev.tlswatch.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the database's reachability is watched ({@code tlswatch.database.*}).
 *
 * @param checkInterval how often a dedicated connection is checked
 * @param checkTimeout how long one check (connect or validation) may take before the
 * database counts as down
 */
@ConfigurationProperties("tlswatch.database")
record DatabaseWatchSettings(@DefaultValue("1s") Duration checkInterval, @DefaultValue("2s") Duration checkTimeout) {

	DatabaseWatchSettings {
		if (checkInterval.compareTo(Duration.ofMillis(100)) < 0) {
			throw new IllegalArgumentException("tlswatch.database.check-interval must be at least 100ms");
		}
		if (checkTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("tlswatch.database.check-timeout must be at least 1s");
		}
	}

}

package dev.tlswatch.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the fleet-wide gauges are kept ({@code tlswatch.metrics.*}).
 *
 * @param refreshInterval how often the open alerts, pending deliveries and overdue
 * triggers are counted (one grouped query each)
 * @param lagWindow how long a firing's lateness shows in
 * {@code tlswatch_scheduler_lag_seconds}
 */
@ConfigurationProperties("tlswatch.metrics")
record MetricsSettings(@DefaultValue("15s") Duration refreshInterval, @DefaultValue("2m") Duration lagWindow) {

	MetricsSettings {
		if (refreshInterval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("tlswatch.metrics.refresh-interval must be at least 1s");
		}
		if (lagWindow.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("tlswatch.metrics.lag-window must be at least 1s");
		}
	}

}

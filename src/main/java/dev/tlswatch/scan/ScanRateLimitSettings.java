package dev.tlswatch.scan;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on scans run on request ("scan now"), so that the API cannot be used to flood a
 * host. Scheduled scans keep their endpoint's interval and are not counted. Counted per
 * application instance.
 *
 * @param perEndpoint the least time between two requested scans of one endpoint;
 * {@code 0s} for no limit
 * @param perMinute the most requested scans of all endpoints together in any minute;
 * {@code 0} for no limit
 */
@ConfigurationProperties("tlswatch.scan-policy.rate-limit")
record ScanRateLimitSettings(@DefaultValue("30s") Duration perEndpoint, @DefaultValue("20") int perMinute) {

	ScanRateLimitSettings {
		if (perEndpoint.isNegative()) {
			throw new IllegalArgumentException("tlswatch.scan-policy.rate-limit.per-endpoint must not be negative");
		}
		if (perMinute < 0) {
			throw new IllegalArgumentException("tlswatch.scan-policy.rate-limit.per-minute must not be negative");
		}
	}

}

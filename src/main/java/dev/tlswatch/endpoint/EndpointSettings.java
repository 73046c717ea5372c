package dev.tlswatch.endpoint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the endpoint registry.
 *
 * @param defaultScanIntervalMinutes minutes between scans for endpoints registered
 * without an interval; between 1 and 10080 (a week), like every endpoint's interval
 */
@ConfigurationProperties("tlswatch.endpoint")
record EndpointSettings(@DefaultValue("60") int defaultScanIntervalMinutes) {

	EndpointSettings {
		if (defaultScanIntervalMinutes < EndpointDraftValidator.MIN_INTERVAL_MINUTES
				|| defaultScanIntervalMinutes > EndpointDraftValidator.MAX_INTERVAL_MINUTES) {
			throw new IllegalArgumentException("tlswatch.endpoint.default-scan-interval-minutes must be between "
					+ EndpointDraftValidator.MIN_INTERVAL_MINUTES + " and "
					+ EndpointDraftValidator.MAX_INTERVAL_MINUTES + ", not " + defaultScanIntervalMinutes);
		}
	}

}

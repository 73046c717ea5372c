/**
 * Prometheus meters ({@code tlswatch_*} at {@code /actuator/prometheus}): per endpoint
 * and address, gauges of certificate expiry, reachability, finding's status and the
 * grade, read from a snapshot kept current by the scan and endpoint events; fleet-wide,
 * scans, scan durations, open alerts, pending deliveries and scheduler lag.
 */
@ApplicationModule(allowedDependencies = { "endpoint", "scan", "finding", "alert", "notify", "probe" })
@NullMarked
package dev.tlswatch.metrics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Who is told what and when: alert rules over judged scans, thresholds and overrides, the
 * OPEN → ACKNOWLEDGED → RESOLVED lifecycle, recipients, and idempotent delivery requests
 * to the notify module.
 */
@ApplicationModule(allowedDependencies = { "finding", "scan", "endpoint", "notify", "audit", "probe", "schedule" })
@NullMarked
package dev.tlswatch.alert;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The clustered Quartz jobs that repeat at a fixed interval (outbox drain, alert
 * reminders, retention): one way to keep such a job in the shared job store across
 * restarts, and one way for a firing to fail without losing its trigger. Scan firings
 * keep their own scheduler in {@code scan}. Depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.tlswatch.schedule;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Judges scans: turns each scan's observations into findings and an endpoint status.
 */
@ApplicationModule(allowedDependencies = { "scan", "endpoint" })
@NullMarked
package dev.tlswatch.finding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Runs scans: one Quartz job per endpoint, DNS resolution to every address, the probe
 * engine, and the history of scans and certificates. Reports facts, never judges them.
 */
@ApplicationModule(allowedDependencies = { "endpoint", "probe" })
@NullMarked
package dev.tlswatch.scan;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

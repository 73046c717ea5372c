/**
 * Judges scans: turns each scan's observations into findings and an endpoint status. Uses
 * the probe engine's value types (cipher-suite classification) but never probes.
 */
@ApplicationModule(allowedDependencies = { "scan", "endpoint", "probe" })
@NullMarked
package dev.tlswatch.finding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

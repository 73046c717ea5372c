/**
 * The fleet at a glance: counts, upcoming expiries, grades and protocol usage over every
 * endpoint's latest scan, and the filtered, sorted endpoint list.
 */
@ApplicationModule(allowedDependencies = { "endpoint", "scan", "finding", "probe" })
@NullMarked
package dev.tlswatch.fleet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

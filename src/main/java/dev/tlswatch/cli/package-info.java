/**
 * The command line: {@code java -jar tlswatch.jar probe ...} probes targets with the
 * probe engine alone, without the web application or a database.
 */
@ApplicationModule(allowedDependencies = { "probe", "endpoint", "scan", "revocation" })
@NullMarked
package dev.tlswatch.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

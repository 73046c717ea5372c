/**
 * The audit log: who created, changed or deleted what, and when. Records the endpoint
 * registry's events itself and offers {@link dev.tlswatch.audit.Audit} to every other
 * module.
 */
@ApplicationModule(allowedDependencies = { "endpoint" })
@NullMarked
package dev.tlswatch.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

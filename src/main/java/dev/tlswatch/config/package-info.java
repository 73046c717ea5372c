/**
 * Application-wide wiring: the embedded PostgreSQL fallback, the clock, scheduler and web
 * customisations. Depends on no other module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.tlswatch.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

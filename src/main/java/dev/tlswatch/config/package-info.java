/**
 * Application-wide wiring: web security (filter chains, headers, cookies), the embedded
 * PostgreSQL fallback, the clock, scheduler and web customisations. Depends only on the
 * {@code account} module's API (tokens, sign-in, security stamps) and the {@code problem}
 * module's types.
 */
@ApplicationModule(allowedDependencies = { "account" })
@NullMarked
package dev.tlswatch.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

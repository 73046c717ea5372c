/**
 * Who may use TLSWatch: users with a role, their personal API tokens (stored hashed), the
 * sign-in throttle and the first-start administrator; the users and tokens pages and API.
 * Depends on no other module.
 */
@ApplicationModule(allowedDependencies = { "audit", "problem" })
@NullMarked
package dev.tlswatch.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The REST API under {@code /api/v1}: controllers, request and response records, and RFC
 * 9457 problem details for every error.
 */
@ApplicationModule(allowedDependencies = { "endpoint", "scan", "finding", "audit", "notify", "alert", "inventory",
		"probe", "problem" })
@NullMarked
package dev.tlswatch.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

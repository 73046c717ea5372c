/**
 * The Thymeleaf dashboard: thin controllers, form records and view models built from the
 * modules' APIs.
 */
@ApplicationModule(allowedDependencies = { "endpoint", "scan", "finding", "fleet", "audit", "notify", "alert",
		"inventory", "probe", "retention" })
@NullMarked
package dev.tlswatch.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The registry of monitored endpoints: host, port, how TLS starts, SNI, interval and
 * tags. Announces changes as {@code Endpoint*} events; depends on no other module.
 */
@ApplicationModule(allowedDependencies = { "probe" })
@NullMarked
package dev.tlswatch.endpoint;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The registry of monitored endpoints: host, port, how TLS starts, SNI, interval and
 * tags. Announces changes as {@code Endpoint*} events; of the other modules it uses only
 * the probe's plain-Java {@code HostNames}.
 */
@ApplicationModule(allowedDependencies = { "probe" })
@NullMarked
package dev.tlswatch.endpoint;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

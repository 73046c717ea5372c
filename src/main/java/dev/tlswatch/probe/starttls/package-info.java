/**
 * STARTTLS: one negotiator per plaintext protocol, each leaving a connected socket ready
 * for the TLS handshake.
 */
@NullMarked
package dev.tlswatch.probe.starttls;

import org.jspecify.annotations.NullMarked;

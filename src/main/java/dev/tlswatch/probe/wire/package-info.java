/**
 * Bytes on the wire: the record and handshake codec, a ClientHello builder for each
 * protocol version, a bounded parser of the server's answers, and the probes built on
 * them that enumerate versions, cipher suites and key exchange groups without completing
 * a handshake.
 */
@NullMarked
package dev.tlswatch.probe.wire;

import org.jspecify.annotations.NullMarked;

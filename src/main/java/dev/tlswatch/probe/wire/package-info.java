/**
 * Bytes on the wire: the record and handshake codec, a ClientHello builder for each
 * protocol version, and a bounded parser of the server's first answer.
 */
@NullMarked
package dev.tlswatch.probe.wire;

import org.jspecify.annotations.NullMarked;

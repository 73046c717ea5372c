/**
 * JSSE handshakes that capture the certificate chain exactly as the server sent it.
 */
@NullMarked
package dev.tlswatch.probe.jsse;

import org.jspecify.annotations.NullMarked;

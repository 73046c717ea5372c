/**
 * JSSE handshakes that capture the certificate chain exactly as the server sent it, and
 * one that reads the application protocol a TLS 1.3 server chooses.
 */
@NullMarked
package dev.tlswatch.probe.jsse;

import org.jspecify.annotations.NullMarked;

/**
 * Chain analysis: certificate facts, PKIX path validation and RFC 6125 host matching.
 */
@NullMarked
package dev.tlswatch.probe.cert;

import org.jspecify.annotations.NullMarked;

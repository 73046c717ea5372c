/**
 * Online revocation checking (RFC 6960 OCSP, RFC 5280 CRLs) for the probe engine: a
 * stapled response when it is valid, then the certificate's OCSP responder, then its CRL
 * distribution point, every fetch through an address guard, with timeouts and size
 * limits, and answers cached until their nextUpdate. Plain Java and BouncyCastle; the
 * scan and the command line wire it with their own target policy.
 */
@ApplicationModule(allowedDependencies = { "probe", "endpoint" })
@NullMarked
package dev.tlswatch.revocation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

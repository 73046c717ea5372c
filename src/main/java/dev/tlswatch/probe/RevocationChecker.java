package dev.tlswatch.probe;

import java.util.List;

/**
 * Checks whether the certificates of a chain are revoked. The engine calls it once per
 * address whose handshake showed a chain; the implementation (outside this plain-Java
 * package, which knows no OCSP or CRL) fetches what it needs from the addresses the
 * certificates name, within its own policy, timeouts and size limits.
 */
@FunctionalInterface
public interface RevocationChecker {

	/** Checks nothing: every certificate is {@link Revocation.Status#NOT_CHECKED}. */
	RevocationChecker OFF = (chain, staples, options) -> RevocationReport.notChecked(chain.size(),
			"Revocation checking is switched off");

	/**
	 * Check each certificate of a chain.
	 * @param chain the certificates as sent, leaf first
	 * @param staples the OCSP responses the server stapled, by position
	 * @param options the probe options (trust anchors, for the issuer of the last
	 * certificate sent; the clock)
	 * @return one answer per certificate of the chain, never throws
	 */
	RevocationReport check(List<CertificateInfo> chain, List<OcspStaple> staples, ProbeOptions options);

}

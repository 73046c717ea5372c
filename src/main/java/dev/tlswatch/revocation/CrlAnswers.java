package dev.tlswatch.revocation;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;

import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.Revocation.Source;

import org.jspecify.annotations.Nullable;

/**
 * CRLs (RFC 5280 §5): parsing, checking that the issuer signed the list and that it is
 * current, and looking a certificate up in it.
 */
final class CrlAnswers {

	private CrlAnswers() {
	}

	/**
	 * Parse a downloaded CRL and check it against the issuer of the certificate.
	 * @param der the DER (or PEM) CRL
	 * @param issuer the certificate's issuer, who must have signed the list
	 * @param now the time
	 * @return the list
	 * @throws FetchException why it cannot be used
	 */
	static X509CRL parseAndVerify(byte[] der, X509Certificate issuer, Instant now) throws FetchException {
		X509CRL crl;
		try {
			crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new FetchException("not a CRL (" + der.length + " bytes)", ex);
		}
		if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
			throw new FetchException("the CRL is issued by " + crl.getIssuerX500Principal().getName()
					+ ", not by the certificate's issuer");
		}
		try {
			crl.verify(issuer.getPublicKey());
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new FetchException("bad signature: the CRL does not verify with the issuer's key", ex);
		}
		String stale = staleness(crl, now);
		if (stale != null) {
			throw new FetchException(stale);
		}
		return crl;
	}

	private static @Nullable String staleness(X509CRL crl, Instant now) {
		Instant thisUpdate = crl.getThisUpdate().toInstant();
		if (thisUpdate.isAfter(now.plus(OcspAnswers.CLOCK_SKEW))) {
			return "not yet valid: the CRL's thisUpdate " + thisUpdate + " is in the future";
		}
		if (crl.getNextUpdate() != null
				&& crl.getNextUpdate().toInstant().isBefore(now.minus(OcspAnswers.CLOCK_SKEW))) {
			return "stale: the CRL's nextUpdate " + crl.getNextUpdate().toInstant() + " has passed";
		}
		return null;
	}

	/**
	 * Look a certificate up in a verified list.
	 * @param crl the list
	 * @param certificate the certificate
	 * @return good or revoked, with the date and reason the entry gives
	 */
	static Answer lookUp(X509CRL crl, X509Certificate certificate) {
		Instant nextUpdate = (crl.getNextUpdate() != null) ? crl.getNextUpdate().toInstant() : null;
		X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
		if (entry == null) {
			return new Answer(Revocation.good(Source.CRL, "Not on the issuer's valid CRL"), nextUpdate);
		}
		CRLReason reason = entry.getRevocationReason();
		// java.security.cert.CRLReason's ordinals are the RFC 5280 codes
		String reasonName = Reasons.name((reason != null) ? reason.ordinal() : -1);
		return new Answer(Revocation.revoked(Source.CRL, reasonName, entry.getRevocationDate().toInstant(),
				"On the issuer's valid CRL"), nextUpdate);
	}

}

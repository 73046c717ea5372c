package dev.tlswatch.revocation;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.Revocation.Source;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * OCSP (RFC 6960): the request for one certificate, and the validation of a response,
 * fetched or stapled: status successful, signed by the issuer or by a responder the
 * issuer delegated to (§4.2.2.2: issued by the issuer, with the id-kp-OCSPSigning
 * purpose, valid now), a single response for this very certificate, and fresh (thisUpdate
 * not in the future, nextUpdate not passed). Presence alone proves nothing.
 */
final class OcspAnswers {

	/** Clocks disagree: accept this much either way. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/** A response without nextUpdate is accepted this long after its thisUpdate. */
	static final Duration MAX_AGE_WITHOUT_NEXT_UPDATE = Duration.ofDays(7);

	// RFC 6960 §4.2.1 OCSPResponseStatus values
	private static final List<String> RESPONSE_STATUSES = List.of("successful", "malformedRequest", "internalError",
			"tryLater", "unused", "sigRequired", "unauthorized");

	private static final int UNAUTHORIZED = 6;

	private OcspAnswers() {
	}

	/**
	 * A DER OCSP request for one certificate (SHA-1 certificate id, as RFC 5019 §2.1.1
	 * asks of lightweight responders; no nonce, so that responses may be cached).
	 * @param certificate the certificate
	 * @param issuer its issuer
	 * @return the request
	 */
	static byte[] request(X509Certificate certificate, X509Certificate issuer) {
		try {
			CertificateID id = new CertificateID(digests().get(CertificateID.HASH_SHA1),
					new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
			OCSPReq request = new OCSPReqBuilder().addRequest(id).build();
			return request.getEncoded();
		}
		catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException ex) {
			throw new IllegalStateException(
					"Unable to build an OCSP request for " + certificate.getSubjectX500Principal(), ex);
		}
	}

	/**
	 * Validate a response and read the certificate's status from it.
	 * @param der the DER OCSPResponse
	 * @param certificate the certificate asked about
	 * @param issuer its issuer
	 * @param now the time
	 * @param source where the response came from
	 * @return the answer: good or revoked only from a valid response, otherwise unknown
	 * with why
	 */
	static Answer validate(byte[] der, X509Certificate certificate, X509Certificate issuer, Instant now,
			Source source) {
		BasicOCSPResp basic;
		try {
			OCSPResp response = new OCSPResp(der);
			if (response.getStatus() != OCSPResp.SUCCESSFUL) {
				return Answer.unknown(statusText(response.getStatus()));
			}
			if (!(response.getResponseObject() instanceof BasicOCSPResp read)) {
				return Answer.unknown("not a basic OCSP response");
			}
			basic = read;
		}
		catch (IOException | OCSPException | RuntimeException ex) {
			return Answer.unknown("not a DER OCSP response (" + der.length + " bytes)");
		}
		String signature = checkSigner(basic, issuer, now);
		if (signature != null) {
			return Answer.unknown(signature);
		}
		SingleResp single = single(basic, certificate, issuer);
		if (single == null) {
			return Answer.unknown("wrong certificate id: the response is not about this certificate");
		}
		String stale = staleness(single, now);
		if (stale != null) {
			return Answer.unknown(stale);
		}
		return answer(single, source);
	}

	private static String statusText(int status) {
		String name = (status >= 0 && status < RESPONSE_STATUSES.size()) ? RESPONSE_STATUSES.get(status)
				: "status " + status;
		return (status == UNAUTHORIZED) ? "unauthorised: the responder answered " + name
				: "the responder answered " + name;
	}

	/**
	 * Who signed: the issuer itself, or a delegated responder whose certificate is in the
	 * response. Returns why the signature is not acceptable, {@code null} when it is.
	 */
	private static @Nullable String checkSigner(BasicOCSPResp basic, X509Certificate issuer, Instant now) {
		if (verifies(basic, issuer.getPublicKey())) {
			return null;
		}
		X509CertificateHolder[] certificates = basic.getCerts();
		for (X509CertificateHolder responder : certificates) {
			if (!verifies(basic, responder)) {
				continue;
			}
			String unauthorised = delegationProblem(responder, issuer, now);
			return (unauthorised != null) ? "unauthorised responder " + responder.getSubject() + ": " + unauthorised
					: null;
		}
		return "bad signature: the response is signed neither by the issuer nor by a certificate it carries";
	}

	/**
	 * RFC 6960 §4.2.2.2: a delegated responder is issued by the CA and has
	 * id-kp-OCSPSigning.
	 */
	private static @Nullable String delegationProblem(X509CertificateHolder responder, X509Certificate issuer,
			Instant now) {
		try {
			ContentVerifierProvider issuerKey = new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey());
			if (!responder.isSignatureValid(issuerKey)) {
				return "not issued by the certificate's issuer";
			}
		}
		catch (OperatorCreationException | org.bouncycastle.cert.CertException | RuntimeException ex) {
			return "not issued by the certificate's issuer";
		}
		X509Certificate certificate;
		try {
			certificate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(responder);
			List<String> purposes = certificate.getExtendedKeyUsage();
			if (purposes == null || !purposes.contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
				return "no id-kp-OCSPSigning purpose";
			}
		}
		catch (CertificateException ex) {
			return "unreadable certificate";
		}
		if (now.isBefore(certificate.getNotBefore().toInstant())
				|| now.isAfter(certificate.getNotAfter().toInstant())) {
			return "its certificate is not valid now";
		}
		return null;
	}

	private static boolean verifies(BasicOCSPResp basic, java.security.PublicKey key) {
		try {
			return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
		}
		catch (OCSPException | OperatorCreationException | RuntimeException ex) {
			// A key of another algorithm than the signature's: it did not sign
			return false;
		}
	}

	private static boolean verifies(BasicOCSPResp basic, X509CertificateHolder certificate) {
		try {
			return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(certificate));
		}
		catch (OCSPException | OperatorCreationException | CertificateException | RuntimeException ex) {
			return false;
		}
	}

	/** The single response about this certificate, whatever hash its id uses. */
	private static @Nullable SingleResp single(BasicOCSPResp basic, X509Certificate certificate,
			X509Certificate issuer) {
		try {
			X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
			for (SingleResp single : basic.getResponses()) {
				CertificateID id = single.getCertID();
				if (id.getSerialNumber().equals(certificate.getSerialNumber())
						&& id.matchesIssuer(issuerHolder, digests())) {
					return single;
				}
			}
			return null;
		}
		catch (OCSPException | CertificateEncodingException | OperatorCreationException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable String staleness(SingleResp single, Instant now) {
		Instant thisUpdate = single.getThisUpdate().toInstant();
		if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
			return "not yet valid: thisUpdate " + thisUpdate + " is in the future";
		}
		if (single.getNextUpdate() != null) {
			Instant nextUpdate = single.getNextUpdate().toInstant();
			return nextUpdate.isBefore(now.minus(CLOCK_SKEW)) ? "stale: nextUpdate " + nextUpdate + " has passed"
					: null;
		}
		return thisUpdate.isBefore(now.minus(MAX_AGE_WITHOUT_NEXT_UPDATE)) ? "stale: thisUpdate " + thisUpdate
				+ " is older than " + MAX_AGE_WITHOUT_NEXT_UPDATE.toDays() + " days and there is no nextUpdate" : null;
	}

	private static Answer answer(SingleResp single, Source source) {
		Instant nextUpdate = (single.getNextUpdate() != null) ? single.getNextUpdate().toInstant() : null;
		CertificateStatus status = single.getCertStatus();
		String origin = (source == Source.STAPLE) ? "stapled OCSP response" : "OCSP response";
		if (status == CertificateStatus.GOOD) {
			return new Answer(Revocation.good(source, "Good according to a valid " + origin), nextUpdate);
		}
		if (status instanceof RevokedStatus revoked) {
			String reason = Reasons.name(revoked.hasRevocationReason() ? revoked.getRevocationReason() : -1);
			Instant at = revoked.getRevocationTime().toInstant();
			return new Answer(Revocation.revoked(source, reason, at, "Revoked according to a valid " + origin),
					nextUpdate);
		}
		if (status instanceof UnknownStatus) {
			return Answer.unknown("the responder does not know the certificate");
		}
		return Answer.unknown("unrecognised certificate status");
	}

	private static DigestCalculatorProvider digests() throws OperatorCreationException {
		return new JcaDigestCalculatorProviderBuilder().build();
	}

}

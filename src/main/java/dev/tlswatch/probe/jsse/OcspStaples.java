package dev.tlswatch.probe.jsse;

import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLSession;

import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.OcspStaple;
import dev.tlswatch.probe.Observed.Status;

/**
 * Whether the server stapled an OCSP response to the handshake: in TLS 1.2 the
 * CertificateStatus message (RFC 6066 §8), in TLS 1.3 the status_request extension of the
 * leaf's certificate entry (RFC 8446 §4.4.2.1). JSSE receives both and hands them out as
 * {@link ExtendedSSLSession#getStatusResponses()}, so one reading covers both versions.
 * <p>
 * The JSSE client asks for a staple (sends status_request) unless the system property
 * {@value #STATUS_REQUEST_PROPERTY} is {@code false}; the JDK reads it whenever an
 * {@code SSLContext} is created, and every probe creates its own. The engine never sets
 * the property: an application that turns it off gets "could not test" here instead of a
 * false "not stapled".
 */
final class OcspStaples {

	/** The JDK's switch for the client's status_request extension; default on. */
	static final String STATUS_REQUEST_PROPERTY = "jdk.tls.client.enableStatusRequestExtension";

	// RFC 6960 §4.2.1: OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, ... }
	private static final int DER_SEQUENCE = 0x30;

	private static final int DER_ENUMERATED = 0x0a;

	// Bytes of a DER length in long form we accept: a staple is at most a few KiB
	private static final int MAX_LENGTH_BYTES = 3;

	private static final List<String> RESPONSE_STATUSES = List.of("successful", "malformedRequest", "internalError",
			"tryLater", "unused", "sigRequired", "unauthorized");

	private OcspStaples() {
	}

	/**
	 * Whether the client asked for a staple in this JVM.
	 * @return {@code false} only when the property is set to {@code false}
	 */
	static boolean requested() {
		String value = System.getProperty(STATUS_REQUEST_PROPERTY);
		return value == null || !value.trim().equalsIgnoreCase("false");
	}

	/**
	 * Whether the server of a completed handshake stapled a usable OCSP response.
	 * @param session the session of the handshake
	 * @return {@code true} for a stapled response with status successful, {@code false}
	 * for none or one that proves nothing; could not test when the client did not ask
	 */
	static Observed<Boolean> of(SSLSession session) {
		if (!requested()) {
			return Observed.none(Status.COULD_NOT_TEST,
					"OCSP stapling not requested: " + STATUS_REQUEST_PROPERTY + " is false in this JVM");
		}
		if (!(session instanceof ExtendedSSLSession extended)) {
			return Observed.none(Status.COULD_NOT_TEST, "The TLS provider does not report stapled responses");
		}
		return of(extended.getStatusResponses());
	}

	/**
	 * The responses the server stapled, as received, for the revocation check to judge.
	 * @param session the session of a completed handshake
	 * @return one staple per certificate that has a non-empty response of a bounded size
	 */
	static List<OcspStaple> staples(SSLSession session) {
		if (!(session instanceof ExtendedSSLSession extended)) {
			return List.of();
		}
		List<byte[]> responses = extended.getStatusResponses();
		List<OcspStaple> staples = new ArrayList<>();
		for (int i = 0; i < responses.size(); i++) {
			byte[] response = responses.get(i);
			if (response.length > 0 && response.length <= OcspStaple.MAX_LENGTH) {
				staples.add(new OcspStaple(i, response));
			}
		}
		return List.copyOf(staples);
	}

	/**
	 * Judge the responses JSSE received, the leaf's first.
	 * @param responses the DER OCSP responses, possibly empty ones for certificates
	 * without
	 * @return whether a usable response was stapled for the leaf
	 */
	static Observed<Boolean> of(List<byte[]> responses) {
		if (responses.isEmpty() || responses.get(0).length == 0) {
			return Observed.of(false, "No OCSP response stapled");
		}
		byte[] leaf = responses.get(0);
		int status = responseStatus(leaf);
		if (status < 0) {
			return Observed.of(false, "The stapled data (" + leaf.length + " bytes) is not a DER OCSP response");
		}
		if (status != 0) {
			return Observed.of(false, "The stapled OCSP response has status " + statusName(status) + " (" + status
					+ "), which proves nothing");
		}
		return Observed.of(true, "OCSP response stapled (" + leaf.length + " bytes, successful)");
	}

	/**
	 * The responseStatus of a DER OCSPResponse (RFC 6960 §4.2.1), reading no further.
	 * @param der the response
	 * @return the status, 0 to 6, or -1 when the bytes are not an OCSPResponse
	 */
	static int responseStatus(byte[] der) {
		if (der.length < 2 || (der[0] & 0xff) != DER_SEQUENCE) {
			return -1;
		}
		int contentStart = contentStart(der);
		if (contentStart < 0 || contentStart + 3 > der.length) {
			return -1;
		}
		if ((der[contentStart] & 0xff) != DER_ENUMERATED || der[contentStart + 1] != 1) {
			return -1;
		}
		int status = der[contentStart + 2] & 0xff;
		return (status < RESPONSE_STATUSES.size()) ? status : -1;
	}

	/**
	 * Where the outer SEQUENCE's content starts, checking that its length fits the array;
	 * -1 when it does not.
	 */
	private static int contentStart(byte[] der) {
		int first = der[1] & 0xff;
		if (first < 0x80) {
			return (2 + first <= der.length) ? 2 : -1;
		}
		int lengthBytes = first & 0x7f;
		if (lengthBytes == 0 || lengthBytes > MAX_LENGTH_BYTES || 2 + lengthBytes > der.length) {
			return -1;
		}
		int length = 0;
		for (int i = 0; i < lengthBytes; i++) {
			length = (length << 8) | (der[2 + i] & 0xff);
		}
		int start = 2 + lengthBytes;
		return (length <= der.length - start) ? start : -1;
	}

	private static String statusName(int status) {
		return RESPONSE_STATUSES.get(status);
	}

}

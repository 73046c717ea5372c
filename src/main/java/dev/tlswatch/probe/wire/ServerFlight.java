package dev.tlswatch.probe.wire;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import dev.tlswatch.probe.CertificateFlight;
import dev.tlswatch.probe.TlsVersion;
import org.jspecify.annotations.Nullable;

/**
 * Collects the messages of a TLS 1.2-or-earlier server flight that a
 * {@link ServerResponseReader} passes on after the ServerHello: the Certificate message
 * (RFC 5246 §7.4.2) and the CertificateRequest (RFC 5246 §7.4.4, RFC 4346 §7.4.4). Both
 * are parsed with every length checked; a message that does not parse leaves what it
 * would have given empty. Confined to the thread of one connection.
 */
final class ServerFlight {

	/** The most certificates kept from one Certificate message. */
	static final int MAX_CERTIFICATES = 16;

	/** The most authority names kept from one CertificateRequest. */
	static final int MAX_AUTHORITIES = 64;

	// RFC 5246 §7.4.2: ASN.1Cert<1..2^24-1>, a uint24 length before each
	private static final int MIN_CERTIFICATE_LENGTH = 1;

	private @Nullable List<X509Certificate> chain;

	private boolean requested;

	private List<String> authorities = List.of();

	/**
	 * The Certificate message's body.
	 * @param body the message without its header
	 */
	void certificate(byte[] body) {
		if (this.chain != null) {
			return;
		}
		try {
			this.chain = parseChain(body);
		}
		catch (MalformedMessageException | CertificateException ex) {
			// A chain that does not parse is no chain; the ServerHello still counts
			this.chain = List.of();
		}
	}

	/**
	 * The CertificateRequest's body.
	 * @param version the version of the ServerHello: TLS 1.2 adds the signature
	 * algorithms
	 * @param body the message without its header
	 */
	void certificateRequest(int version, byte[] body) {
		this.requested = true;
		try {
			this.authorities = parseAuthorities(version, body);
		}
		catch (MalformedMessageException | IllegalArgumentException ex) {
			// The request was sent all the same; its names could not be read
			this.authorities = List.of();
		}
	}

	/**
	 * Whether a Certificate message arrived.
	 * @return whether one was seen
	 */
	boolean sawCertificate() {
		return this.chain != null;
	}

	/**
	 * What was collected, for a ServerHello of the given version.
	 * @param version the version of the ServerHello
	 * @return the flight, {@code null} when the version has no clear flight
	 */
	@Nullable CertificateFlight result(int version) {
		TlsVersion known = TlsVersion.ofCode(version);
		if (known == null || known == TlsVersion.TLS_1_3 || known == TlsVersion.SSL_2_0) {
			return null;
		}
		List<X509Certificate> certificates = this.chain;
		return new CertificateFlight(known, (certificates != null) ? certificates : List.of(), this.requested,
				this.authorities);
	}

	static List<X509Certificate> parseChain(byte[] body) throws MalformedMessageException, CertificateException {
		TlsReader message = new TlsReader(body);
		int total = message.u24();
		if (total != message.remaining()) {
			throw new MalformedMessageException(
					"Certificate list of " + total + " bytes in a message of " + message.remaining());
		}
		CertificateFactory factory = CertificateFactory.getInstance("X.509");
		List<X509Certificate> chain = new ArrayList<>();
		while (message.remaining() > 0) {
			if (chain.size() == MAX_CERTIFICATES) {
				throw new MalformedMessageException("More than " + MAX_CERTIFICATES + " certificates");
			}
			int length = message.u24();
			if (length < MIN_CERTIFICATE_LENGTH) {
				throw new MalformedMessageException("Empty certificate");
			}
			byte[] der = message.bytes(length, "certificate");
			chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
		}
		return List.copyOf(chain);
	}

	static List<String> parseAuthorities(int version, byte[] body) throws MalformedMessageException {
		TlsReader message = new TlsReader(body);
		// ClientCertificateType certificate_types<1..2^8-1>
		message.u8Prefixed("certificate_types");
		if (version >= TlsVersion.TLS_1_2.code()) {
			// SignatureAndHashAlgorithm supported_signature_algorithms<2..2^16-2>
			message.u16Prefixed("supported_signature_algorithms");
		}
		// DistinguishedName certificate_authorities<0..2^16-1>, each
		// opaque DistinguishedName<1..2^16-1>
		TlsReader names = message.u16Prefixed("certificate_authorities");
		message.expectEnd("CertificateRequest");
		List<String> authorities = new ArrayList<>();
		while (names.remaining() > 0 && authorities.size() < MAX_AUTHORITIES) {
			byte[] der = names.bytes(names.u16(), "distinguished name");
			authorities.add(new X500Principal(der).getName(X500Principal.RFC2253));
		}
		return List.copyOf(authorities);
	}

}

package dev.tlswatch.probe;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a server of TLS 1.2 or earlier sent in clear after its ServerHello, read from a
 * wire probe's ClientHello without an extra connection: the Certificate message (RFC 5246
 * §7.4.2) and whether a CertificateRequest (§7.4.4) followed, with the certificate
 * authorities it names. It gives a chain also for servers the JDK cannot shake hands with
 * (RC4 or export suites only, SSL 3.0 only, DHE under 1024 bits).
 *
 * @param version the version of the ServerHello the flight followed
 * @param chain the certificates exactly as sent, leaf first; empty when the server sent
 * none (an anonymous suite) or they did not parse
 * @param clientCertificateRequested whether the server sent a CertificateRequest
 * @param clientCertificateAuthorities the distinguished names (RFC 2253) of the
 * authorities the request names, in the order sent; empty when it names none
 */
public record CertificateFlight(TlsVersion version, List<X509Certificate> chain, boolean clientCertificateRequested,
		List<String> clientCertificateAuthorities) {

	public CertificateFlight {
		Objects.requireNonNull(version, "version");
		chain = List.copyOf(chain);
		clientCertificateAuthorities = List.copyOf(clientCertificateAuthorities);
		if (version == TlsVersion.TLS_1_3 || version == TlsVersion.SSL_2_0) {
			throw new IllegalArgumentException("No clear Certificate message in " + version.displayName());
		}
	}

}

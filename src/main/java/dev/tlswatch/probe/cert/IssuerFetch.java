package dev.tlswatch.probe.cert;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import dev.tlswatch.probe.AddressPolicy;
import dev.tlswatch.probe.Deadline;
import dev.tlswatch.probe.ProbeOptions;
import org.jspecify.annotations.Nullable;

/**
 * Fetches the issuers a server did not send from the caIssuers URLs of the Authority
 * Information Access extension (RFC 5280 §4.2.2.1): plain HTTP GET, DER or PKCS #7
 * certs-only answers, no redirects. Every address passes the {@link AddressPolicy} right
 * before it is contacted; the connect takes the probe's connect timeout, the whole
 * exchange its handshake timeout, and an answer over {@value #MAX_BODY_BYTES} bytes is
 * refused. At most {@value #MAX_HOPS} issuers are fetched, one above the other.
 */
final class IssuerFetch {

	static final int MAX_HOPS = 3;

	/** A certificate is 1–2 KB; a PKCS #7 bundle of a few stays far below. */
	static final int MAX_BODY_BYTES = 64 * 1024;

	static final int MAX_HEADER_BYTES = 16 * 1024;

	// URLs tried per certificate, certificates read per answer
	private static final int MAX_URLS = 4;

	private static final int MAX_CERTIFICATES = 16;

	/** RFC 5280 §4.2.2.1: id-pe-authorityInfoAccess. */
	static final String AUTHORITY_INFO_ACCESS_OID = "1.3.6.1.5.5.7.1.1";

	/** DER of the OID id-ad-caIssuers, 1.3.6.1.5.5.7.48.2. */
	private static final byte[] CA_ISSUERS = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02 };

	private static final int DER_OCTET_STRING = 0x04;

	private static final int DER_SEQUENCE = 0x30;

	private static final int DER_OID = 0x06;

	// GeneralName uniformResourceIdentifier [6] IA5String, implicit
	private static final int URI_NAME = 0x86;

	private static final String DIALOGUE = "caIssuers";

	private IssuerFetch() {
	}

	/**
	 * Walk up from a certificate whose issuer was not sent: fetch its issuer, then that
	 * one's, until a root, a trust anchor's child or {@value #MAX_HOPS} hops.
	 * @param top the highest certificate of the chain as sent
	 * @param anchors the trust anchors
	 * @param policy judges every address
	 * @param options the timeouts
	 * @return the issuers fetched, nearest first, and why the walk stopped short
	 */
	static Walk walk(X509Certificate top, Set<TrustAnchor> anchors, AddressPolicy policy, ProbeOptions options) {
		List<X509Certificate> fetched = new ArrayList<>();
		X509Certificate current = top;
		for (int hop = 0; hop < MAX_HOPS; hop++) {
			Lookup lookup = issuerOf(current, policy, options);
			if (lookup.issuer() == null) {
				return new Walk(fetched, lookup.tried(), lookup.failure());
			}
			fetched.add(lookup.issuer());
			if (CertificateFacts.isSelfSigned(lookup.issuer()) || ChainInspector.anchoredBy(lookup.issuer(), anchors)) {
				break;
			}
			current = lookup.issuer();
		}
		return new Walk(fetched, true, null);
	}

	private static Lookup issuerOf(X509Certificate certificate, AddressPolicy policy, ProbeOptions options) {
		List<String> urls = caIssuers(certificate);
		if (urls.isEmpty()) {
			return new Lookup(null, false, "no caIssuers URL in " + name(certificate));
		}
		String failure = null;
		for (String url : urls) {
			try {
				for (X509Certificate candidate : download(url, policy, options)) {
					if (ChainInspector.issues(candidate, certificate)) {
						return new Lookup(candidate, true, null);
					}
				}
				failure = url + " served no issuer of " + name(certificate);
			}
			catch (IOException ex) {
				failure = url + ": " + ex.getMessage();
			}
		}
		return new Lookup(null, true, failure);
	}

	/**
	 * The caIssuers URLs of a certificate's Authority Information Access extension, at
	 * most {@value #MAX_URLS}; none when it has none or it cannot be read.
	 * @param certificate the certificate
	 * @return the URLs, in the order listed
	 */
	static List<String> caIssuers(X509Certificate certificate) {
		byte[] extension = certificate.getExtensionValue(AUTHORITY_INFO_ACCESS_OID);
		if (extension == null) {
			return List.of();
		}
		List<String> urls = new ArrayList<>();
		Der outer = Der.at(extension, 0, DER_OCTET_STRING);
		Der sequence = (outer != null) ? Der.at(extension, outer.contentStart(), DER_SEQUENCE) : null;
		if (sequence == null) {
			return List.of();
		}
		for (int at = sequence.contentStart(); at < sequence.end() && urls.size() < MAX_URLS;) {
			Der description = Der.at(extension, at, DER_SEQUENCE);
			if (description == null || description.end() > sequence.end()) {
				break;
			}
			Der method = Der.at(extension, description.contentStart(), DER_OID);
			Der location = (method != null) ? Der.at(extension, method.end(), URI_NAME) : null;
			if (method != null && location != null && location.end() <= description.end() && Arrays.equals(extension,
					method.contentStart(), method.end(), CA_ISSUERS, 0, CA_ISSUERS.length)) {
				urls.add(new String(extension, location.contentStart(), location.end() - location.contentStart(),
						StandardCharsets.US_ASCII));
			}
			at = description.end();
		}
		return List.copyOf(urls);
	}

	/**
	 * GET a caIssuers URL: HTTP only, the first address the policy allows, bounded in
	 * time and size.
	 */
	static List<X509Certificate> download(String url, AddressPolicy policy, ProbeOptions options) throws IOException {
		URI uri = httpUri(url);
		InetAddress address = allowedAddress(uri.getHost(), policy);
		int port = (uri.getPort() < 0) ? 80 : uri.getPort();
		Deadline deadline = Deadline.after(options.handshakeTimeout());
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), Deadline.socketMillis(options.connectTimeout()));
			request(socket.getOutputStream(), uri, port);
			byte[] body = response(socket, deadline);
			return certificates(body);
		}
		catch (SocketTimeoutException ex) {
			throw new IOException("no answer within " + options.handshakeTimeout().toMillis() + " ms", ex);
		}
	}

	private static URI httpUri(String url) throws IOException {
		try {
			URI uri = new URI(url);
			if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
				throw new IOException("not an http URL");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new IOException("not a URL", ex);
		}
	}

	private static InetAddress allowedAddress(String host, AddressPolicy policy) throws IOException {
		String denied = null;
		for (InetAddress address : InetAddress.getAllByName(host)) {
			String reason = policy.denies(address);
			if (reason == null) {
				return address;
			}
			denied = (denied != null) ? denied : address.getHostAddress() + " is denied: " + reason;
		}
		throw new IOException("the scan target policy refuses it (" + denied + ")");
	}

	private static void request(OutputStream output, URI uri, int port) throws IOException {
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		String host = uri.getHost() + ((port == 80) ? "" : ":" + port);
		String request = "GET " + path + query + " HTTP/1.0\r\nHost: " + host
				+ "\r\nAccept: application/pkix-cert, application/pkcs7-mime\r\nConnection: close\r\n\r\n";
		output.write(request.getBytes(StandardCharsets.US_ASCII));
		output.flush();
	}

	/** The body of a 200 answer; headers and body bounded, every read by the deadline. */
	private static byte[] response(Socket socket, Deadline deadline) throws IOException {
		InputStream input = deadline.input(socket, DIALOGUE);
		String headers = headers(input);
		String statusLine = headers.lines().findFirst().orElse("");
		String[] status = statusLine.split(" ", 3);
		if (status.length < 2 || !status[0].startsWith("HTTP/") || !status[1].equals("200")) {
			throw new IOException("answered " + quote(statusLine));
		}
		long length = contentLength(headers);
		if (length > MAX_BODY_BYTES) {
			throw new IOException("answer of " + length + " bytes is over " + MAX_BODY_BYTES);
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (length < 0 || body.size() < length) {
			int read = input.read(buffer);
			if (read < 0) {
				break;
			}
			body.write(buffer, 0, read);
			if (body.size() > MAX_BODY_BYTES) {
				throw new IOException("answer is over " + MAX_BODY_BYTES + " bytes");
			}
		}
		return body.toByteArray();
	}

	private static String headers(InputStream input) throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int next = input.read();
			if (next < 0) {
				throw new IOException("closed the connection in the headers");
			}
			headers.write(next);
			matched = (next == end[matched]) ? matched + 1 : ((next == '\r') ? 1 : 0);
			if (headers.size() > MAX_HEADER_BYTES) {
				throw new IOException("sent headers over " + MAX_HEADER_BYTES + " bytes");
			}
		}
		return headers.toString(StandardCharsets.ISO_8859_1);
	}

	private static long contentLength(String headers) throws IOException {
		for (String line : headers.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
				try {
					return Long.parseLong(line.substring(colon + 1).trim());
				}
				catch (NumberFormatException ex) {
					throw new IOException("sent Content-Length " + quote(line), ex);
				}
			}
		}
		return -1;
	}

	/** DER certificate, PKCS #7 certs-only (or PEM), as the JDK's X.509 factory reads. */
	private static List<X509Certificate> certificates(byte[] body) throws IOException {
		try {
			Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(body));
			List<X509Certificate> certificates = new ArrayList<>();
			for (Certificate certificate : read) {
				if (certificate instanceof X509Certificate x509 && certificates.size() < MAX_CERTIFICATES) {
					certificates.add(x509);
				}
			}
			return certificates;
		}
		catch (CertificateException ex) {
			throw new IOException("served no DER or PKCS #7 certificate", ex);
		}
	}

	private static String quote(String text) {
		String cut = (text.length() > 120) ? text.substring(0, 120) + "…" : text;
		return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
	}

	private static String name(X509Certificate certificate) {
		return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
	}

	/**
	 * What a walk up the caIssuers URLs found.
	 *
	 * @param fetched the issuers fetched, nearest first
	 * @param tried whether a URL was tried at all
	 * @param failure why the walk stopped before a root or anchor, {@code null} if it did
	 * not
	 */
	record Walk(List<X509Certificate> fetched, boolean tried, @Nullable String failure) {

		static final Walk NONE = new Walk(List.of(), false, null);

		Walk {
			fetched = List.copyOf(fetched);
		}

	}

	private record Lookup(@Nullable X509Certificate issuer, boolean tried, @Nullable String failure) {
	}

	/**
	 * One DER element: where its content starts and where it ends, checked against the
	 * bytes that hold it.
	 */
	private record Der(int contentStart, int end) {

		static @Nullable Der at(byte[] der, int offset, int tag) {
			if (offset + 2 > der.length || (der[offset] & 0xff) != tag) {
				return null;
			}
			int first = der[offset + 1] & 0xff;
			int length;
			int contentStart;
			if (first < 0x80) {
				length = first;
				contentStart = offset + 2;
			}
			else {
				int count = first & 0x7f;
				if (count == 0 || count > 3 || offset + 2 + count > der.length) {
					return null;
				}
				length = 0;
				for (int i = 0; i < count; i++) {
					length = (length << 8) | (der[offset + 2 + i] & 0xff);
				}
				contentStart = offset + 2 + count;
			}
			if (length > der.length - contentStart) {
				return null;
			}
			return new Der(contentStart, contentStart + length);
		}

	}

}

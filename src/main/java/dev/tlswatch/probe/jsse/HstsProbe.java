package dev.tlswatch.probe.jsse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import dev.tlswatch.probe.HostNames;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.jsse.HttpResponseHead.NotHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HSTS policy (RFC 6797) of an HTTPS server: one connection, one JDK handshake
 * offering ALPN {@code http/1.1} alone, any certificate accepted, then
 * {@code HEAD / HTTP/1.1} with {@code Host} set to the SNI name and
 * {@code Connection: close}, and the response head read up to
 * {@value HttpResponseHead#MAX_HEAD_BYTES} bytes. The handshake, the request and the
 * answer together are bounded by the handshake timeout. Only for targets whose TLS starts
 * at once: HSTS belongs to HTTP.
 */
public final class HstsProbe {

	private static final Logger logger = LoggerFactory.getLogger(HstsProbe.class);

	private static final String HTTP_1_1 = "http/1.1";

	private static final int HTTPS_PORT = 443;

	private HstsProbe() {
	}

	/**
	 * Ask an HTTPS server for its HSTS policy.
	 * @param target the target; its TLS must start at once
	 * @param options the timeouts
	 * @return the policy (absent, malformed...); timed out, could not test (no TLS, no
	 * answer) or error (the answer is not HTTP) otherwise
	 */
	public static Observed<Hsts> probe(ProbeTarget target, ProbeOptions options) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(options, "options");
		return ProbeSockets.ask(target, options, (socket, watch) -> ask(socket, target, options, watch));
	}

	private static Observed<Hsts> ask(Socket socket, ProbeTarget target, ProbeOptions options,
			HandshakeWatchdog.Watch watch) {
		SSLSocket ssl = null;
		try {
			ssl = layer(socket, target, options);
			ssl.startHandshake();
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			logger.debug("TLS handshake with {} for HSTS failed", target, ex);
			ProbeSockets.closeQuietly(ssl);
			if (watch.fired() || Failures.ofHandshake(ex) == HandshakeOutcome.TIMEOUT) {
				return timedOut(options);
			}
			return Observed.none(Status.COULD_NOT_TEST, "TLS handshake failed: " + Failures.describe(ex));
		}
		try {
			return exchange(ssl, target);
		}
		catch (NotHttpException ex) {
			return Observed.none(Status.ERROR, String.valueOf(ex.getMessage()));
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("HEAD / on {} failed", target, ex);
			return (watch.fired() || ex instanceof SocketTimeoutException) ? timedOut(options)
					: Observed.none(Status.COULD_NOT_TEST, "HEAD / failed: " + Failures.describe(ex));
		}
		finally {
			ProbeSockets.closeQuietly(ssl);
		}
	}

	private static Observed<Hsts> exchange(SSLSocket ssl, ProbeTarget target) throws IOException {
		OutputStream out = ssl.getOutputStream();
		out.write(request(target).getBytes(StandardCharsets.US_ASCII));
		out.flush();
		HttpResponseHead head = HttpResponseHead.read(ssl.getInputStream());
		HstsHeader.Parsed parsed = HstsHeader.parse(head.firstValue("Strict-Transport-Security"), head.statusCode());
		String detail = "HTTP " + head.statusCode() + ((parsed.problem() != null) ? ": " + parsed.problem() : "");
		return Observed.of(parsed.hsts(), detail);
	}

	/** {@code HEAD /} for the name the certificate is for, closing afterwards. */
	static String request(ProbeTarget target) {
		return "HEAD / HTTP/1.1\r\nHost: " + host(target) + "\r\nUser-Agent: TLSWatch\r\nAccept: */*\r\n"
				+ "Connection: close\r\n\r\n";
	}

	// RFC 9110 §7.2: uri-host [ ":" port ]; an IPv6 literal in brackets
	private static String host(ProbeTarget target) {
		SNIHostName serverName = HostNames.serverName(target.sniName());
		String host;
		if (serverName != null) {
			host = serverName.getAsciiName();
		}
		else {
			String literal = target.address().getHostAddress();
			int zone = literal.indexOf('%');
			literal = (zone >= 0) ? literal.substring(0, zone) : literal;
			host = (target.address() instanceof Inet6Address) ? "[" + literal + "]" : literal;
		}
		return (target.port() == HTTPS_PORT) ? host : host + ":" + target.port();
	}

	private static SSLSocket layer(Socket socket, ProbeTarget target, ProbeOptions options)
			throws IOException, GeneralSecurityException {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { new ChainCapture() }, null);
		SNIHostName serverName = HostNames.serverName(target.sniName());
		String peerHost = (serverName != null) ? serverName.getAsciiName() : target.address().getHostAddress();
		socket.setSoTimeout(Timeouts.millis(options.handshakeTimeout()));
		SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, peerHost, target.port(), true);
		SSLParameters parameters = ssl.getSSLParameters();
		parameters.setServerNames((serverName != null) ? List.of(serverName) : List.of());
		parameters.setEndpointIdentificationAlgorithm(null);
		parameters.setApplicationProtocols(new String[] { HTTP_1_1 });
		ssl.setSSLParameters(parameters);
		return ssl;
	}

	private static Observed<Hsts> timedOut(ProbeOptions options) {
		return Observed.none(Status.TIMED_OUT,
				"No answer to HEAD / within " + options.handshakeTimeout().toMillis() + " ms");
	}

}

package dev.tlswatch.probe.jsse;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import dev.tlswatch.probe.HostNames;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.starttls.StartTlsNegotiation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which application protocol (RFC 7301) a TLS 1.3 server chooses. TLS 1.3 sends the
 * choice in EncryptedExtensions (RFC 8446 §4.3.1), so only a handshake that gets that far
 * shows it: one connection, the target's STARTTLS dialogue, one JDK handshake offering
 * TLS 1.3 alone, any certificate accepted (the chain is not the question). The dialogue
 * and the handshake together are bounded by the handshake timeout.
 */
public final class AlpnHandshake {

	private static final Logger logger = LoggerFactory.getLogger(AlpnHandshake.class);

	private static final String TLS_1_3 = "TLSv1.3";

	// How the JDK reports the server's alert 120 (RFC 7301 §3.2)
	private static final String NO_APPLICATION_PROTOCOL = "received fatal alert: no_application_protocol";

	private AlpnHandshake() {
	}

	/**
	 * Offer protocols in a TLS 1.3 handshake and see which one the server chooses.
	 * @param target the target
	 * @param options the timeouts
	 * @param protocols the protocols to offer, in order of preference
	 * @return the chosen protocol alone, an empty list when the server chose none or
	 * refused with no_application_protocol; unknown on any other failure
	 */
	public static Observed<List<String>> chosenProtocol(ProbeTarget target, ProbeOptions options,
			List<String> protocols) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(options, "options");
		List<String> offered = List.copyOf(protocols);
		return ProbeSockets.ask(target, options,
				(socket, watch) -> startTlsAndShakeHands(socket, target, options, offered, watch));
	}

	private static Observed<List<String>> startTlsAndShakeHands(Socket socket, ProbeTarget target, ProbeOptions options,
			List<String> offered, HandshakeWatchdog.Watch watch) {
		Socket upgraded;
		try {
			upgraded = StartTlsNegotiation.prepare(socket, target, options.handshakeTimeout());
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("STARTTLS with {} failed", target, ex);
			return (watch.fired() || ex instanceof SocketTimeoutException)
					? Observed.none(Status.TIMED_OUT, "STARTTLS timed out: " + Failures.describe(ex))
					: Observed.none(Status.COULD_NOT_TEST, "STARTTLS failed: " + Failures.describe(ex));
		}
		SSLSocket ssl = null;
		try {
			ssl = layer(upgraded, target, options, offered);
			ssl.startHandshake();
			StartTlsNegotiation.handshakeCompleted(upgraded);
			return chosen(ssl.getApplicationProtocol(), offered);
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			logger.debug("TLS 1.3 handshake with {} for ALPN failed", target, ex);
			return failed(ex, offered, watch, options);
		}
		finally {
			ProbeSockets.closeQuietly(ssl);
		}
	}

	private static SSLSocket layer(Socket socket, ProbeTarget target, ProbeOptions options, List<String> offered)
			throws IOException, GeneralSecurityException {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { new ChainCapture() }, null);
		SNIHostName serverName = HostNames.serverName(target.sniName());
		String peerHost = (serverName != null) ? serverName.getAsciiName() : target.address().getHostAddress();
		socket.setSoTimeout(Timeouts.millis(options.handshakeTimeout()));
		SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, peerHost, target.port(), true);
		SSLParameters parameters = ssl.getSSLParameters();
		parameters.setProtocols(new String[] { TLS_1_3 });
		parameters.setServerNames((serverName != null) ? List.of(serverName) : List.of());
		parameters.setEndpointIdentificationAlgorithm(null);
		parameters.setApplicationProtocols(offered.toArray(String[]::new));
		ssl.setSSLParameters(parameters);
		return ssl;
	}

	/** JSSE: {@code null} if not known yet, empty if none was chosen. */
	private static Observed<List<String>> chosen(@Nullable String protocol, List<String> offered) {
		if (protocol == null) {
			return Observed.none(Status.ERROR, "The handshake completed without an ALPN result");
		}
		if (protocol.isEmpty()) {
			return Observed.of(List.of(), "No protocol chosen from " + offered);
		}
		if (!offered.contains(protocol)) {
			return Observed.none(Status.ERROR,
					"The server chose ALPN protocol " + protocol + ", which was not offered");
		}
		return Observed.of(List.of(protocol), protocol + " chosen from " + offered);
	}

	private static Observed<List<String>> failed(Exception ex, List<String> offered, HandshakeWatchdog.Watch watch,
			ProbeOptions options) {
		if (watch.fired() || Failures.ofHandshake(ex) == HandshakeOutcome.TIMEOUT) {
			return Observed.none(Status.TIMED_OUT,
					"TLS handshake not completed within " + options.handshakeTimeout().toMillis() + " ms");
		}
		String message = ex.getMessage();
		if (ex instanceof SSLException && message != null
				&& message.toLowerCase(Locale.ROOT).contains(NO_APPLICATION_PROTOCOL)) {
			return Observed.of(List.of(), "Alert: fatal no_application_protocol (120) to " + offered);
		}
		return Observed.none(Status.COULD_NOT_TEST, "TLS 1.3 handshake failed: " + Failures.describe(ex));
	}

}

package dev.tlswatch.probe.jsse;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import dev.tlswatch.probe.HandshakeFingerprint;
import dev.tlswatch.probe.HostNames;
import dev.tlswatch.probe.ServerHelloFacts;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.OcspStaple;
import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.TlsProber;
import dev.tlswatch.probe.cert.ChainAnalysis;
import dev.tlswatch.probe.starttls.StartTlsNegotiation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's own TLS client as a {@link TlsProber}: one TCP connection, the target's
 * STARTTLS dialogue if it has one, one full handshake with every protocol version the JDK
 * offers, the chain captured exactly as sent and judged afterwards, and whether the
 * server stapled an OCSP response ({@link OcspStaples}). Stateless, hence thread-safe;
 * each probe gets its own {@link SSLContext}, so no session is ever resumed and every
 * handshake shows the chain.
 *
 * @see TlsProber
 */
public final class JsseTlsProber implements TlsProber {

	private static final Logger logger = LoggerFactory.getLogger(JsseTlsProber.class);

	// RFC 8446, 5246, 4346, 2246 in the JDK's names; the JDK's security properties
	// disable the older two by default
	private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");

	private static final String TLS_1_3 = "TLSv1.3";

	// How long to wait for a TLS 1.3 server's verdict on an empty client certificate
	private static final Duration CLIENT_CERTIFICATE_VERDICT_WAIT = Duration.ofSeconds(1);

	private final Function<byte[], @Nullable ServerHelloFacts> helloReader;

	/**
	 * A prober that fingerprints chain, version and suite only.
	 */
	public JsseTlsProber() {
		this((bytes) -> null);
	}

	/**
	 * A prober that also reads the ServerHello the JDK received, for the fingerprint.
	 * @param helloReader makes the facts of the server's first bytes, {@code null} when
	 * they do not parse
	 */
	public JsseTlsProber(Function<byte[], @Nullable ServerHelloFacts> helloReader) {
		this.helloReader = helloReader;
	}

	@Override
	public HandshakeObservation handshake(ProbeTarget target, ProbeOptions options) {
		return fingerprinted(target, options).handshake();
	}

	@Override
	public Fingerprinted fingerprinted(ProbeTarget target, ProbeOptions options) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(options, "options");
		TappedSocket socket = new TappedSocket();
		Attempt attempt;
		try {
			attempt = connectAndShakeHands(socket, target, options);
		}
		finally {
			ProbeSockets.closeQuietly(socket);
		}
		report(socket, attempt, options);
		HandshakeObservation observation = observe(target, options, attempt);
		byte[] served = socket.tapped();
		ServerHelloFacts hello = (served.length > 0) ? this.helloReader.apply(served) : null;
		return new Fingerprinted(observation, HandshakeFingerprint.of(observation, hello));
	}

	/**
	 * Tells the watch whether the server answered: a STARTTLS refusal or a reset before
	 * the first byte of TLS is a cut connection. A connect failure was told already.
	 */
	private static void report(TappedSocket socket, Attempt attempt, ProbeOptions options) {
		if (socket.sawInput()) {
			options.watch().answered();
		}
		else if (attempt.outcome() == HandshakeOutcome.STARTTLS_FAILED) {
			options.watch().cut("STARTTLS failed: " + attempt.error());
		}
		else if (socket.reset()) {
			options.watch().cut("Reset before any answer");
		}
	}

	private static Attempt connectAndShakeHands(TappedSocket socket, ProbeTarget target, ProbeOptions options) {
		long started = System.nanoTime();
		try {
			ProbeSockets.connect(socket, target, options);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Unable to connect to {}", target, ex);
			return new Attempt(Failures.ofConnect(ex), Failures.describe(ex), null, null, List.of(), null, List.of());
		}
		return startTlsAndShakeHands(socket, target, options, since(started));
	}

	/**
	 * The STARTTLS dialogue, if any, and the handshake share the handshake timeout; the
	 * watchdog bounds both.
	 */
	private static Attempt startTlsAndShakeHands(TappedSocket socket, ProbeTarget target, ProbeOptions options,
			Duration connectTime) {
		try (HandshakeWatchdog.Watch watch = HandshakeWatchdog.watch(socket, options.handshakeTimeout())) {
			Upgrade upgrade = startTls(socket, target, options, watch, connectTime);
			if (upgrade.failure() != null) {
				return upgrade.failure();
			}
			// A protocol that carries TLS in its own frames (TDS) taps framed bytes,
			// which
			// yield no ServerHello facts; the fingerprint keeps chain, version and suite
			socket.startTap();
			return shakeHands(Objects.requireNonNull(upgrade.socket()), target, options, watch, connectTime);
		}
	}

	/**
	 * Runs the upgrade dialogue: the socket to shake hands over, or the failed attempt.
	 */
	private static Upgrade startTls(Socket socket, ProbeTarget target, ProbeOptions options,
			HandshakeWatchdog.Watch watch, Duration connectTime) {
		try {
			return new Upgrade(StartTlsNegotiation.prepare(socket, target, options.handshakeTimeout()), null);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("STARTTLS with {} failed", target, ex);
			HandshakeOutcome outcome = watch.fired() ? HandshakeOutcome.TIMEOUT : Failures.ofStartTls(ex);
			String error = watch.fired() ? startTlsTimeoutText(options.handshakeTimeout()) : Failures.describe(ex);
			return new Upgrade(null, new Attempt(outcome, error, connectTime, null, List.of(), null, List.of()));
		}
	}

	/** The upgrade's outcome: the socket TLS runs over, or why there is none. */
	private record Upgrade(@Nullable Socket socket, @Nullable Attempt failure) {
	}

	private static Attempt shakeHands(Socket socket, ProbeTarget target, ProbeOptions options,
			HandshakeWatchdog.Watch watch, Duration connectTime) {
		ChainCapture capture = new ChainCapture();
		ClientCertificateRequests requests = new ClientCertificateRequests(options.clientIdentity());
		SSLSocket ssl = null;
		try {
			ssl = layer(socket, target, options, capture, requests);
			long started = System.nanoTime();
			ssl.startHandshake();
			StartTlsNegotiation.handshakeCompleted(socket);
			SSLSession session = ssl.getSession();
			Duration handshakeTime = since(started);
			if (requests.requested() && TLS_1_3.equals(session.getProtocol())) {
				awaitClientCertificateVerdict(ssl, watch);
			}
			Handshake handshake = new Handshake(session.getProtocol(), session.getCipherSuite(), handshakeTime,
					OcspStaples.of(session), OcspStaples.staples(session));
			return new Attempt(HandshakeOutcome.OK, null, connectTime, handshake, capture.chain(), requests.requested(),
					requests.authorities());
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			logger.debug("TLS handshake with {} failed", target, ex);
			HandshakeOutcome outcome = watch.fired() ? HandshakeOutcome.TIMEOUT : Failures.ofHandshake(ex);
			String error = watch.fired() ? timeoutText(options.handshakeTimeout()) : Failures.describe(ex);
			if (outcome == HandshakeOutcome.TLS_FAILURE && requests.requested()) {
				error = requests.explainFailure(error);
			}
			// Without a request the handshake may have failed before the server could
			// send one
			return new Attempt(outcome, error, connectTime, null, capture.chain(),
					requests.requested() ? Boolean.TRUE : null, requests.authorities());
		}
		finally {
			ProbeSockets.closeQuietly(ssl);
		}
	}

	/**
	 * A client-mode TLS socket layered over the connected socket, whose plaintext
	 * dialogue (if any) is over; not yet shaking hands.
	 */
	private static SSLSocket layer(Socket socket, ProbeTarget target, ProbeOptions options, ChainCapture capture,
			ClientCertificateRequests requests) throws IOException, GeneralSecurityException {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(new KeyManager[] { requests }, new TrustManager[] { capture }, null);
		SNIHostName serverName = HostNames.serverName(target.sniName());
		String peerHost = (serverName != null) ? serverName.getAsciiName() : target.address().getHostAddress();
		socket.setSoTimeout(Timeouts.millis(options.handshakeTimeout()));
		SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, peerHost, target.port(), true);
		SSLParameters parameters = ssl.getSSLParameters();
		parameters.setProtocols(supportedProtocols(context));
		// An empty list sends no server_name at all
		parameters.setServerNames((serverName != null) ? List.of(serverName) : List.of());
		// Host names are checked by the chain analysis, which never fails the handshake
		parameters.setEndpointIdentificationAlgorithm(null);
		ssl.setSSLParameters(parameters);
		return ssl;
	}

	private static String[] supportedProtocols(SSLContext context) {
		List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
		return PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new);
	}

	/**
	 * A TLS 1.3 client finishes its handshake before the server has judged the client
	 * certificate (RFC 8446 §4.4.2.4): a server that requires one answers the empty
	 * certificate with an alert after our Finished. Silence, data or a close within a
	 * short wait mean the server went on without one. The wait ends at the handshake
	 * deadline at the latest.
	 */
	private static void awaitClientCertificateVerdict(SSLSocket ssl, HandshakeWatchdog.Watch watch) throws IOException {
		Duration wait = min(CLIENT_CERTIFICATE_VERDICT_WAIT, watch.remaining());
		if (wait.isZero()) {
			return;
		}
		ssl.setSoTimeout(Timeouts.millis(wait));
		try {
			ssl.getInputStream().read();
		}
		catch (SocketTimeoutException ex) {
			// No alert: the server accepted the connection without a client certificate
		}
	}

	/** Judges the chain, with the socket already closed. */
	private static HandshakeObservation observe(ProbeTarget target, ProbeOptions options, Attempt attempt) {
		ChainAnalysis analysis = ChainAnalysis.of(attempt.chain(), target.expectedName(), options);
		Handshake handshake = attempt.handshake();
		return new HandshakeObservation(target, attempt.outcome(), attempt.error(),
				(handshake != null) ? handshake.protocol() : null, (handshake != null) ? handshake.cipherSuite() : null,
				attempt.connectTime(), (handshake != null) ? handshake.time() : null, analysis.chain(),
				analysis.trust(), analysis.trustError(), analysis.hostnameMatches(), analysis.report(),
				(handshake != null) ? handshake.ocspStapled()
						: Observed.none(Status.COULD_NOT_TEST, "No completed handshake"),
				attempt.clientCertificateRequested(), attempt.clientCertificateAuthorities(),
				(handshake != null) ? handshake.staples() : List.of());
	}

	private static String startTlsTimeoutText(Duration timeout) {
		return "STARTTLS dialogue not completed within " + timeout.toMillis() + " ms";
	}

	private static String timeoutText(Duration timeout) {
		return "TLS handshake not completed within " + timeout.toMillis() + " ms";
	}

	private static Duration since(long startedNanos) {
		return Duration.ofNanos(System.nanoTime() - startedNanos);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/**
	 * How one connection went, before the chain is judged.
	 */
	private record Attempt(HandshakeOutcome outcome, @Nullable String error, @Nullable Duration connectTime,
			@Nullable Handshake handshake, List<X509Certificate> chain, @Nullable Boolean clientCertificateRequested,
			List<String> clientCertificateAuthorities) {

	}

	/**
	 * What a completed handshake agreed on.
	 */
	private record Handshake(String protocol, String cipherSuite, Duration time, Observed<Boolean> ocspStapled,
			List<OcspStaple> staples) {

	}

}

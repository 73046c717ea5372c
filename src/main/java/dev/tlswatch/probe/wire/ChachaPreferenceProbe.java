package dev.tlswatch.probe.wire;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import dev.tlswatch.probe.ChachaPreference;
import dev.tlswatch.probe.ChachaPreferenceProber;
import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.wire.ServerResponse.AlertReceived;
import dev.tlswatch.probe.wire.ServerResponse.Closed;
import dev.tlswatch.probe.wire.ServerResponse.HelloRetryRequested;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import dev.tlswatch.probe.wire.ServerResponse.TimedOut;

/**
 * One ClientHello that offers the server's best ChaCha20-Poly1305 suite first and its
 * best AES-GCM suite second (of the same key exchange where there is one): a server that
 * enforces its order yet chooses ChaCha20 honours the client's preference for it. The
 * question is only put when the enumeration shows that the server's order ranks AES-GCM
 * first. Stateless, hence thread-safe.
 *
 * @see ChachaPreferenceProber
 */
public final class ChachaPreferenceProbe implements ChachaPreferenceProber {

	private static final Predicate<CipherSuite> CHACHA = (suite) -> suite.name().contains("CHACHA20_POLY1305");

	private static final Predicate<CipherSuite> AES_GCM = (suite) -> suite.name().contains("AES_128_GCM")
			|| suite.name().contains("AES_256_GCM");

	private final Exchange exchange;

	/** The prober that connects to the target. */
	public ChachaPreferenceProbe() {
		this((target, options, clientHello) -> WireConnection.exchange(target, options, clientHello,
				ServerResponseReader::read));
	}

	ChachaPreferenceProbe(Exchange exchange) {
		this.exchange = exchange;
	}

	@Override
	public ChachaPreference probe(ProbeTarget target, ProbeOptions options, SuiteEnumeration suites) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(options, "options");
		TlsVersion version = suites.version();
		Observed<Pair> plan = plan(suites);
		Pair pair = plan.value();
		if (pair == null) {
			return new ChachaPreference(version, Observed.none(plan.status(), String.valueOf(plan.detail())), 0);
		}
		Observed<Boolean> answer;
		try {
			answer = judge(version, pair, this.exchange.exchange(target, options, clientHello(target, version, pair)));
		}
		catch (WireConnection.Failure ex) {
			answer = Observed.none(ex.timedOut() ? Status.TIMED_OUT : Status.COULD_NOT_TEST,
					String.valueOf(ex.getMessage()));
		}
		return new ChachaPreference(version, answer, 1);
	}

	/**
	 * The two suites to offer, or why the question does not apply.
	 * @param suites the enumeration of one version
	 * @return the pair, or why there is none
	 */
	static Observed<Pair> plan(SuiteEnumeration suites) {
		TlsVersion version = suites.version();
		if (version != TlsVersion.TLS_1_2 && version != TlsVersion.TLS_1_3) {
			return Observed.notApplicable(version.displayName() + " has no ChaCha20-Poly1305 suites");
		}
		if (suites.order() == ServerOrder.CLIENT) {
			return Observed.notApplicable("The server follows the client's order");
		}
		if (suites.order() != ServerOrder.SERVER) {
			return Observed.none(Status.COULD_NOT_TEST, "Whose order decides is not known");
		}
		List<CipherSuite> accepted = suites.accepted();
		CipherSuite chacha = accepted.stream().filter(CHACHA).findFirst().orElse(null);
		CipherSuite aes = accepted.stream()
			.filter(AES_GCM.and((suite) -> chacha != null && suite.keyExchange().equals(chacha.keyExchange())
					&& suite.authentication().equals(chacha.authentication())))
			.findFirst()
			.or(() -> accepted.stream().filter(AES_GCM).findFirst())
			.orElse(null);
		if (chacha == null || aes == null) {
			return Observed.notApplicable(
					"The server does not accept both AES-GCM and ChaCha20-Poly1305 with " + version.displayName());
		}
		if (accepted.indexOf(chacha) < accepted.indexOf(aes)) {
			return Observed.notApplicable("The server ranks " + chacha.name() + " first anyway");
		}
		return Observed.of(new Pair(chacha, aes), null);
	}

	/**
	 * What the server's choice says.
	 * @param version the version offered
	 * @param pair the suites offered, ChaCha20 first
	 * @param response the answer
	 * @return {@code true} for ChaCha20, {@code false} for AES-GCM, or why neither
	 */
	static Observed<Boolean> judge(TlsVersion version, Pair pair, ServerResponse response) {
		return switch (response) {
			case ServerHelloReceived hello -> (hello.version() == version.code()) ? chosen(pair, hello.cipherSuite())
					: Observed.none(Status.ERROR,
							"The server answered with " + VersionVerdicts.versionName(hello.version())
									+ " to a ClientHello offering " + version.displayName());
			case HelloRetryRequested retry ->
				(version == TlsVersion.TLS_1_3) ? chosen(pair, retry.cipherSuite()) : Observed.none(Status.ERROR,
						"HelloRetryRequest to a ClientHello offering " + version.displayName());
			case AlertReceived alert -> Observed.none(Status.COULD_NOT_TEST,
					"Alert: " + AlertDescription.describe(alert.level(), alert.description()));
			case Closed closed -> Observed.none(Status.COULD_NOT_TEST,
					closed.reset() ? "Connection reset without an answer" : "Connection closed without an answer");
			case TimedOut timedOut -> Observed.none(Status.TIMED_OUT, "No answer within the handshake timeout");
			case Malformed malformed -> Observed.none(Status.ERROR, "Answer not understood: " + malformed.reason());
		};
	}

	private static Observed<Boolean> chosen(Pair pair, int chosen) {
		if (chosen == pair.chacha().code()) {
			return Observed.of(true, pair.chacha().name() + " chosen when offered before " + pair.aes().name());
		}
		if (chosen == pair.aes().code()) {
			return Observed.of(false, pair.aes().name() + " chosen though " + pair.chacha().name() + " came first");
		}
		return Observed.none(Status.ERROR,
				"The server chose cipher suite " + Hex.u16(chosen) + ", which was not offered");
	}

	private static byte[] clientHello(ProbeTarget target, TlsVersion version, Pair pair) {
		ClientHelloBuilder hello = ClientHelloBuilder.offering(version)
			.serverName(WireConnection.serverName(target))
			.cipherSuites(List.of(pair.chacha().code(), pair.aes().code()))
			.groups(NamedGroup.codes(NamedGroup.usable(version)));
		if (version == TlsVersion.TLS_1_3) {
			hello.x25519KeyShare(X25519KeyShare.generate());
		}
		return hello.build();
	}

	/**
	 * The suites offered, in this order.
	 *
	 * @param chacha the server's best ChaCha20-Poly1305 suite
	 * @param aes its best AES-GCM suite
	 */
	record Pair(CipherSuite chacha, CipherSuite aes) {
	}

	/**
	 * One connection, one ClientHello, the first answer.
	 */
	@FunctionalInterface
	interface Exchange {

		ServerResponse exchange(ProbeTarget target, ProbeOptions options, byte[] clientHello)
				throws WireConnection.Failure;

	}

}

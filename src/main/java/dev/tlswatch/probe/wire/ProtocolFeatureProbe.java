package dev.tlswatch.probe.wire;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.SNIHostName;

import dev.tlswatch.probe.FeatureAnswers;
import dev.tlswatch.probe.FeatureProber;
import dev.tlswatch.probe.FeatureReport;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.HostNames;
import dev.tlswatch.probe.wire.HelloExchange.Answer;
import dev.tlswatch.probe.wire.HelloExchange.NotAsked;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a server four questions on four connections (five when a server refuses the shared
 * hello of renegotiation and compression), all at once on virtual threads; none needs a
 * completed handshake except ALPN on a server whose only TLS version is 1.3.
 * <ul>
 * <li>ALPN (RFC 7301), two connections: which protocol the server chooses from
 * {@code [h2, http/1.1]}, then from {@code [http/1.1]} alone. Asked in the highest
 * version up to TLS 1.2 the server accepts, where the ServerHello carries the choice; TLS
 * 1.3 encrypts it, so a TLS 1.3-only server is asked in a JSSE handshake.</li>
 * <li>Secure renegotiation (RFC 5746): whether the ServerHello answers renegotiation_info
 * with renegotiation_info, in the same version, on the same connection as compression;
 * asked alone again if that hello got no ServerHello.</li>
 * <li>TLS_FALLBACK_SCSV (RFC 7507): the second highest version offered with the SCSV;
 * inappropriate_fallback means yes, a ServerHello no.</li>
 * <li>Compression (CRIME): DEFLATE offered before null; whether the ServerHello chose
 * it.</li>
 * </ul>
 * TLS 1.3 has neither renegotiation nor compression (RFC 8446 §4.1.2), and one version
 * leaves nothing to fall back to: those questions are {@link Status#NOT_APPLICABLE}.
 * Stateless, hence thread-safe.
 *
 * @see dev.tlswatch.probe.Probers#features(int)
 */
public final class ProtocolFeatureProbe implements FeatureProber {

	/** The first ALPN offer, as a browser makes it. */
	static final List<String> H2_AND_HTTP_1_1 = List.of("h2", "http/1.1");

	/** The second ALPN offer. */
	static final List<String> HTTP_1_1 = List.of("http/1.1");

	private static final Logger logger = LoggerFactory.getLogger(ProtocolFeatureProbe.class);

	private final int maxConnectionsAtOnce;

	private final EncryptedAlpn tls13Alpn;

	/**
	 * A probe that keeps at most the given number of connections open at once.
	 * @param maxConnectionsAtOnce at least 1
	 * @param tls13Alpn how a TLS 1.3-only server is asked which protocol it chooses
	 */
	public ProtocolFeatureProbe(int maxConnectionsAtOnce, EncryptedAlpn tls13Alpn) {
		if (maxConnectionsAtOnce < 1) {
			throw new IllegalArgumentException("At least one connection at a time is needed");
		}
		this.maxConnectionsAtOnce = maxConnectionsAtOnce;
		this.tls13Alpn = Objects.requireNonNull(tls13Alpn, "tls13Alpn");
	}

	@Override
	public FeatureReport probe(ProbeTarget target, ProbeOptions options, TlsVersion highestAccepted,
			@Nullable TlsVersion secondHighestAccepted) {
		return probe(target, options, highestAccepted, secondHighestAccepted, FeatureAnswers.NONE);
	}

	@Override
	public FeatureReport probe(ProbeTarget target, ProbeOptions options, TlsVersion highestAccepted,
			@Nullable TlsVersion secondHighestAccepted, FeatureAnswers known) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(options, "options");
		Objects.requireNonNull(known, "known");
		checkVersions(highestAccepted, secondHighestAccepted);
		TlsVersion legacy = highestUpToTls12(highestAccepted, secondHighestAccepted);
		Observed<List<String>> knownPreferred = known.usable(legacy, known.alpnPreferred());
		Observed<List<String>> knownAlone = known.usable(legacy, known.alpnAlone());
		Observed<Boolean> knownRenegotiation = known.usable(legacy, known.secureRenegotiation());
		Observed<Boolean> knownCompression = known.usable(legacy, known.compression());
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Questions questions = new Questions(executor, new Semaphore(this.maxConnectionsAtOnce), target, options,
					this.tls13Alpn);
			Future<Observed<List<String>>> preferred = (knownPreferred != null)
					? CompletableFuture.completedFuture(knownPreferred)
					: alpn(questions, highestAccepted, legacy, H2_AND_HTTP_1_1);
			Future<Observed<List<String>>> alone = (knownAlone != null) ? CompletableFuture.completedFuture(knownAlone)
					: alpn(questions, highestAccepted, legacy, HTTP_1_1);
			Future<Observed<Answer>> renegotiationAndCompression = (knownRenegotiation != null
					&& knownCompression != null) ? notApplicable("Answered by the suite enumeration")
							: renegotiationAndCompression(questions, legacy);
			Future<Observed<Boolean>> fallback = fallback(questions, secondHighestAccepted);
			Observed<List<String>> protocols = FeatureVerdicts.applicationProtocols(await(preferred), H2_AND_HTTP_1_1,
					await(alone), HTTP_1_1);
			Observed<Answer> shared = await(renegotiationAndCompression);
			Observed<Boolean> deflate = (knownCompression != null) ? knownCompression : (legacy != null)
					? judged(shared, (answer) -> FeatureVerdicts.compression(legacy, answer)) : Observed.notApplicable(
							"The server accepts only TLS 1.3, which allows null compression alone (RFC 8446 §4.1.2)");
			Observed<Boolean> secureRenegotiation = (knownRenegotiation != null) ? knownRenegotiation : (legacy != null)
					? judged(shared, (answer) -> FeatureVerdicts.secureRenegotiation(legacy, true, answer)) : Observed
						.notApplicable("The server accepts only TLS 1.3, which has no renegotiation (RFC 8446 §4.1.2)");
			if (legacy != null && knownRenegotiation == null && shared.known()
					&& secureRenegotiation.status() == Status.COULD_NOT_TEST) {
				// An answer that was no ServerHello, perhaps to the DEFLATE offer: ask
				// about renegotiation alone
				secureRenegotiation = await(renegotiation(questions, legacy));
			}
			Observed<Boolean> fallbackScsv = await(fallback);
			// Every question has finished, so every connection is counted
			FeatureReport report = new FeatureReport(protocols, secureRenegotiation, fallbackScsv, deflate,
					questions.connections());
			logger.debug("Features of {}: {}", target, report);
			return report;
		}
	}

	private static void checkVersions(TlsVersion highest, @Nullable TlsVersion second) {
		Objects.requireNonNull(highest, "highestAccepted");
		if (highest == TlsVersion.SSL_2_0 || second == TlsVersion.SSL_2_0) {
			throw new IllegalArgumentException("SSL 2.0 is not probed");
		}
		if (second != null && second.compareTo(highest) >= 0) {
			throw new IllegalArgumentException(
					"The second highest version " + second + " must be lower than the highest, " + highest);
		}
	}

	/** The version renegotiation and compression are asked in, if the server has one. */
	private static @Nullable TlsVersion highestUpToTls12(TlsVersion highest, @Nullable TlsVersion second) {
		return (highest != TlsVersion.TLS_1_3) ? highest : second;
	}

	private static Future<Observed<List<String>>> alpn(Questions questions, TlsVersion highest,
			@Nullable TlsVersion legacy, List<String> protocols) {
		if (legacy != null && legacy.compareTo(TlsVersion.TLS_1_0) >= 0) {
			byte[] hello = questions.hello(legacy).applicationProtocols(protocols).build();
			return questions.ask(hello, (answer) -> FeatureVerdicts.applicationProtocol(legacy, protocols, answer));
		}
		if (highest == TlsVersion.TLS_1_3) {
			return questions
				.ask(() -> questions.tls13Alpn.chosenProtocol(questions.target, questions.options, protocols));
		}
		return notApplicable("The server accepts only SSL 3.0, whose hellos carry no extensions");
	}

	private static Future<Observed<Boolean>> renegotiation(Questions questions, @Nullable TlsVersion legacy) {
		if (legacy == null) {
			return notApplicable("The server accepts only TLS 1.3, which has no renegotiation (RFC 8446 §4.1.2)");
		}
		byte[] hello = questions.hello(legacy).build();
		return questions.ask(hello, (answer) -> FeatureVerdicts.secureRenegotiation(legacy, answer));
	}

	private static Future<Observed<Boolean>> fallback(Questions questions, @Nullable TlsVersion second) {
		if (second == null) {
			return notApplicable("The server accepts only one version, so there is no lower one to fall back to");
		}
		byte[] hello = questions.hello(second).fallbackScsv().build();
		return questions.ask(hello, (answer) -> FeatureVerdicts.fallbackScsv(second, answer));
	}

	/**
	 * One ClientHello for two questions: renegotiation_info (sent in every TLS hello, the
	 * SCSV in SSL 3.0) and DEFLATE before null compression; the ServerHello answers both.
	 */
	private static Future<Observed<Answer>> renegotiationAndCompression(Questions questions,
			@Nullable TlsVersion legacy) {
		if (legacy == null) {
			return notApplicable("The server accepts only TLS 1.3");
		}
		byte[] hello = questions.hello(legacy).deflateCompression().build();
		return questions.ask(hello, (answer) -> Observed.of(answer, null));
	}

	/** A question's verdict on a shared answer, or why there is none. */
	private static Observed<Boolean> judged(Observed<Answer> shared, Function<Answer, Observed<Boolean>> judge) {
		Answer answer = shared.value();
		if (answer == null) {
			return Observed.none(shared.status(), String.valueOf(shared.detail()));
		}
		return judge.apply(answer);
	}

	private static <T> Future<Observed<T>> notApplicable(String reason) {
		return CompletableFuture.completedFuture(Observed.notApplicable(reason));
	}

	private static <T> Observed<T> await(Future<Observed<T>> question) {
		try {
			return question.get();
		}
		catch (ExecutionException ex) {
			// Everything the peer does is an observation; an exception here is a local
			// bug
			logger.warn("A feature probe failed", ex.getCause());
			return Observed.none(Status.ERROR, "Probe failed: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Observed.none(Status.ERROR, "Interrupted");
		}
	}

	/**
	 * The questions of one probe: each runs on its own virtual thread and opens exactly
	 * one connection, which it counts as it starts.
	 */
	private static final class Questions {

		private final ExecutorService executor;

		private final Semaphore permits;

		private final ProbeTarget target;

		private final ProbeOptions options;

		private final EncryptedAlpn tls13Alpn;

		private final AtomicInteger connections = new AtomicInteger();

		Questions(ExecutorService executor, Semaphore permits, ProbeTarget target, ProbeOptions options,
				EncryptedAlpn tls13Alpn) {
			this.executor = executor;
			this.permits = permits;
			this.target = target;
			this.options = options;
			this.tls13Alpn = tls13Alpn;
		}

		/** A ClientHello offering one version, with the target's SNI name. */
		ClientHelloBuilder hello(TlsVersion version) {
			SNIHostName serverName = HostNames.serverName(this.target.sniName());
			return ClientHelloBuilder.offering(version)
				.serverName((serverName != null) ? serverName.getAsciiName() : null);
		}

		/** Send a ClientHello on a connection of its own and judge the answer. */
		<T> Future<Observed<T>> ask(byte[] clientHello, Function<Answer, Observed<T>> judge) {
			return ask(() -> {
				try {
					return judge.apply(HelloExchange.exchange(this.target, this.options, clientHello));
				}
				catch (NotAsked ex) {
					return Observed.none(ex.status(), String.valueOf(ex.getMessage()));
				}
			});
		}

		/** Run a question that opens one connection. */
		<T> Future<Observed<T>> ask(Callable<Observed<T>> question) {
			return this.executor.submit(() -> {
				this.permits.acquire();
				try {
					this.connections.incrementAndGet();
					return question.call();
				}
				finally {
					this.permits.release();
				}
			});
		}

		int connections() {
			return this.connections.get();
		}

	}

	/**
	 * How a server that accepts only TLS 1.3 is asked which application protocol it
	 * chooses: TLS 1.3 encrypts the choice, so only a handshake that gets that far shows
	 * it, which the wire probes do not make.
	 */
	@FunctionalInterface
	public interface EncryptedAlpn {

		/**
		 * Offer protocols in a TLS 1.3 handshake and see which one the server chooses.
		 * @param target the target
		 * @param options the timeouts
		 * @param protocols the protocols to offer, in order of preference
		 * @return the chosen protocol alone, an empty list when the server chose none;
		 * unknown on any failure
		 */
		Observed<List<String>> chosenProtocol(ProbeTarget target, ProbeOptions options, List<String> protocols);

	}

}

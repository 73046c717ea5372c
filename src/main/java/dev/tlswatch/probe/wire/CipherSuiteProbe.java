package dev.tlswatch.probe.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.tlswatch.probe.CertificateFlight;
import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.CipherSuiteProber;
import dev.tlswatch.probe.CipherSuites;
import dev.tlswatch.probe.FeatureAnswers;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionSweep;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.probe.wire.Choice.Chosen;
import dev.tlswatch.probe.wire.Choice.Failed;
import dev.tlswatch.probe.wire.HelloExchange.Answer;
import dev.tlswatch.probe.wire.HelloExchange.NotAsked;
import dev.tlswatch.probe.wire.RemoveAndRepeat.Pass;
import dev.tlswatch.probe.wire.ServerResponse.AlertReceived;
import dev.tlswatch.probe.wire.ServerResponse.Closed;
import dev.tlswatch.probe.wire.ServerResponse.HelloRetryRequested;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import dev.tlswatch.probe.wire.ServerResponse.TimedOut;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enumerates the cipher suites of one version the way testssl.sh, sslscan and nmap do:
 * offer every suite of the registry that fits the version ({@link SuiteCatalog}), note
 * the one the server chooses, offer the rest again, until the server refuses. The answer
 * to the first ClientHello is also the verdict on the version itself, so a sweep over all
 * versions costs one connection per refused version and one per accepted suite plus one
 * per accepted version.
 * <p>
 * Whose order decides costs at most one more connection: a server that follows the client
 * chooses, from every list offered, the first suite it accepts, so its finds come in the
 * order offered; finds in any other order prove that the server decides. When they came
 * in the order offered, one more ClientHello offers them in reverse: the same first
 * choice means the server decides, the client's first means it follows the client.
 * ChaCha20 suites stay out of that ClientHello where possible, since some servers prefer
 * them only when the client lists one first.
 * <p>
 * All suites go into one ClientHello (under 1 KiB). A server that closes the connection
 * on it without a word may be one that fails on long suite lists; the probe then offers
 * the suites in chunks of {@value #MAX_SUITES_PER_HELLO}, and if suites of more than one
 * chunk are accepted and the server decides, it ranks them in one more round over the
 * suites found. TLS 1.3 ClientHellos carry an X25519 key share, so that most servers
 * answer with a ServerHello; a HelloRetryRequest names the suite too. One connection at a
 * time, each through {@link WireConnection}; the ClientHello never completes a handshake.
 * Stateless, hence thread-safe.
 *
 * @see CipherSuiteProber
 */
public final class CipherSuiteProbe implements CipherSuiteProber {

	/**
	 * The most suites one ClientHello offers after a server failed on the whole list:
	 * servers are known that fail on more than 128 (testssl.sh's
	 * "SERVER_SIZE_LIMIT_BUG").
	 */
	static final int MAX_SUITES_PER_HELLO = 128;

	private static final Logger logger = LoggerFactory.getLogger(CipherSuiteProbe.class);

	@Override
	public SuiteEnumeration enumerate(ProbeTarget target, ProbeOptions options, TlsVersion version) {
		return sweep(target, options, version, false).suites();
	}

	@Override
	public VersionSweep sweep(ProbeTarget target, ProbeOptions options, TlsVersion version, boolean askFeatures) {
		return sweep(target, options, version, askFeatures, (suite) -> {
		});
	}

	@Override
	public VersionSweep sweep(ProbeTarget target, ProbeOptions options, TlsVersion version, boolean askFeatures,
			Consumer<CipherSuite> chosen) {
		Objects.requireNonNull(chosen, "chosen");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(options, "options");
		Objects.requireNonNull(version, "version");
		if (!TlsVersion.probed().contains(version)) {
			throw new IllegalArgumentException(version.displayName() + " is not probed on the wire");
		}
		if (askFeatures && (version.compareTo(TlsVersion.TLS_1_0) < 0 || version == TlsVersion.TLS_1_3)) {
			throw new IllegalArgumentException(
					"The feature questions are asked in TLS 1.0 to 1.2, not in " + version.displayName());
		}
		VersionSweep sweep = new Enumeration(target, options, version, askFeatures, chosen).run();
		SuiteEnumeration result = sweep.suites();
		logger.debug("{} of {}: {}; {} suites accepted, {}, {} connections{}", version, target,
				sweep.support().verdict(), result.accepted().size(), result.order(), result.connections(),
				(result.incompleteReason() != null) ? ", incomplete: " + result.incompleteReason() : "");
		return sweep;
	}

	/**
	 * One enumeration, with its count of connections.
	 */
	private static final class Enumeration {

		private final ProbeTarget target;

		private final ProbeOptions options;

		private final TlsVersion version;

		private final boolean askFeatures;

		private final Consumer<CipherSuite> chosen;

		private int connections;

		private int offers;

		private int chunksWithFinds;

		private @Nullable VersionSupport verdict;

		private @Nullable Observed<List<String>> alpnPreferred;

		private @Nullable Observed<List<String>> alpnAlone;

		private @Nullable Observed<Boolean> secureRenegotiation;

		private @Nullable Observed<Boolean> compression;

		private @Nullable Observed<Boolean> heartbeat;

		private @Nullable Observed<Boolean> sessionTicket;

		private @Nullable CertificateFlight flight;

		Enumeration(ProbeTarget target, ProbeOptions options, TlsVersion version, boolean askFeatures,
				Consumer<CipherSuite> chosen) {
			this.target = target;
			this.options = options;
			this.version = version;
			this.askFeatures = askFeatures;
			this.chosen = chosen;
		}

		VersionSweep run() {
			List<Integer> offer = SuiteCatalog.enumerable(this.version);
			Pass pass = allSuites(offer);
			String incompleteReason = pass.incompleteReason();
			List<Integer> accepted = pass.found();
			ServerOrder order = (incompleteReason == null) ? order(offer, accepted) : ServerOrder.UNKNOWN;
			if (order == ServerOrder.SERVER && this.chunksWithFinds > 1) {
				List<Integer> ranked = rank(accepted);
				order = (ranked != null) ? ServerOrder.SERVER : ServerOrder.UNKNOWN;
				accepted = (ranked != null) ? ranked : accepted;
			}
			SuiteEnumeration suites = new SuiteEnumeration(this.version, suites(accepted), order, this.connections,
					ProtocolVersionProbe.bounded(incompleteReason));
			FeatureAnswers answers = this.askFeatures ? new FeatureAnswers(this.version, this.alpnPreferred,
					this.alpnAlone, this.secureRenegotiation, this.compression, this.heartbeat, this.sessionTicket)
					: FeatureAnswers.NONE;
			return new VersionSweep(verdict(accepted), suites, answers, this.flight);
		}

		/**
		 * The verdict of the first answer; a version whose whole list was refused but
		 * whose chunks found suites is accepted all the same.
		 */
		private VersionSupport verdict(List<Integer> accepted) {
			VersionSupport first = Objects.requireNonNull(this.verdict, "No ClientHello was sent");
			if (accepted.isEmpty() || first.verdict() == VersionVerdict.ACCEPTED) {
				return first;
			}
			return new VersionSupport(this.version, VersionVerdict.ACCEPTED,
					ProtocolVersionProbe.bounded(suiteName(accepted.get(0))
							+ " chosen from a shorter list; the whole list" + " got: " + first.detail()));
		}

		/** The whole list in one ClientHello; in chunks if the server closed on it. */
		private Pass allSuites(List<Integer> offer) {
			Pass pass = RemoveAndRepeat.run(offer, this::offer);
			if (!pass.refusedOutright() || offer.size() <= MAX_SUITES_PER_HELLO) {
				return pass;
			}
			logger.debug("{} of {} refused all suites at once ({}); offering them in chunks", this.version, this.target,
					pass.refusal());
			return inChunks(offer);
		}

		/**
		 * The suites of several chunks in the server's order: one more round over them.
		 * @return the suites in order, {@code null} if the round did not find them all
		 */
		private @Nullable List<Integer> rank(List<Integer> accepted) {
			Pass ranked = RemoveAndRepeat.rank(accepted, this::offer);
			boolean same = ranked.incompleteReason() == null
					&& new HashSet<>(ranked.found()).equals(new HashSet<>(accepted));
			return same ? ranked.found() : null;
		}

		/**
		 * Each chunk on its own, until one fails; the suites found in chunk order, which
		 * is the server's order only within each chunk.
		 */
		private Pass inChunks(List<Integer> offer) {
			List<Integer> found = new ArrayList<>();
			Pass last = null;
			for (int start = 0; start < offer.size(); start += MAX_SUITES_PER_HELLO) {
				List<Integer> chunk = offer.subList(start, Math.min(offer.size(), start + MAX_SUITES_PER_HELLO));
				last = RemoveAndRepeat.run(chunk, this::offer);
				found.addAll(last.found());
				this.chunksWithFinds += last.found().isEmpty() ? 0 : 1;
				if (last.incompleteReason() != null) {
					break;
				}
			}
			Objects.requireNonNull(last, "No chunk");
			return new Pass(found, last.refusal(), last.incompleteReason());
		}

		/**
		 * Whose order decides. Finds in an order other than offered prove the server's;
		 * otherwise one ClientHello offers them in reverse (without ChaCha20 suites where
		 * at least two others remain). Finds from several chunks are not in the server's
		 * order yet: two ClientHellos offer the first and the last of them in both
		 * orders.
		 */
		private ServerOrder order(List<Integer> offered, List<Integer> accepted) {
			if (accepted.size() < 2) {
				return ServerOrder.UNKNOWN;
			}
			List<Integer> candidates = accepted.stream().filter((code) -> !SuiteCatalog.isChaCha(code)).toList();
			List<Integer> pool = (candidates.size() >= 2) ? candidates : accepted;
			if (this.chunksWithFinds > 1) {
				return bothWays(pool.get(0), pool.get(pool.size() - 1));
			}
			if (!offered.stream().filter(accepted::contains).toList().equals(accepted)) {
				return ServerOrder.SERVER;
			}
			List<Integer> reversed = new ArrayList<>(pool);
			Collections.reverse(reversed);
			if (!(offer(reversed) instanceof Chosen chosen)) {
				return ServerOrder.UNKNOWN;
			}
			if (chosen.code() == pool.get(0)) {
				return ServerOrder.SERVER;
			}
			return (chosen.code() == reversed.get(0)) ? ServerOrder.CLIENT : ServerOrder.UNKNOWN;
		}

		/**
		 * The same two suites in both orders: the same winner twice means the server
		 * decides.
		 */
		private ServerOrder bothWays(int first, int last) {
			if (!(offer(List.of(first, last)) instanceof Chosen forward)) {
				return ServerOrder.UNKNOWN;
			}
			if (!(offer(List.of(last, first)) instanceof Chosen backward)) {
				return ServerOrder.UNKNOWN;
			}
			if (forward.code() == backward.code()) {
				return ServerOrder.SERVER;
			}
			return (forward.code() == first && backward.code() == last) ? ServerOrder.CLIENT : ServerOrder.UNKNOWN;
		}

		/**
		 * One connection, one ClientHello offering these suites; the first two carry the
		 * feature questions when asked for them.
		 */
		private Choice offer(List<Integer> suites) {
			int index = this.offers++;
			if (this.askFeatures && index < 2) {
				Choice choice = offerWithQuestions(suites, index == 0);
				if (choice != null) {
					return choice;
				}
				logger.debug("{} of {}: the feature questions may have spoilt the ClientHello; asking without them",
						this.version, this.target);
			}
			return plainOffer(suites, index == 0);
		}

		private Choice plainOffer(List<Integer> suites, boolean first) {
			this.connections++;
			try {
				ServerFlight flight = wantsFlight() ? new ServerFlight() : null;
				ServerResponse response = WireConnection.exchange(this.target, this.options, hello(suites).build(),
						(input) -> (flight != null) ? ServerResponseReader.readFlight(input, (body) -> {
						}, flight) : ServerResponseReader.read(input));
				keep(flight, response);
				if (first) {
					this.verdict = VersionVerdicts.judge(this.version, response);
				}
				Choice choice = choice(response, suites);
				logger.trace("{} of {}, {} suites offered: {}", this.version, this.target, suites.size(), choice);
				return choice;
			}
			catch (WireConnection.Failure ex) {
				if (first) {
					this.verdict = new VersionSupport(this.version,
							ex.timedOut() ? VersionVerdict.TIMEOUT : VersionVerdict.ERROR,
							ProtocolVersionProbe.bounded(String.valueOf(ex.getMessage())));
				}
				return new Failed(String.valueOf(ex.getMessage()));
			}
		}

		/**
		 * A ClientHello that also offers ALPN (and, the first one, DEFLATE compression,
		 * heartbeats and an empty session_ticket, whose echo in the ServerHello tells
		 * whether the Heartbleed and Ticketbleed checks have anything to look at).
		 * @return the choice, or {@code null} when the answer may be the questions' fault
		 * (no_application_protocol, a close without a word): then the hello is to be sent
		 * again without them
		 */
		private @Nullable Choice offerWithQuestions(List<Integer> suites, boolean first) {
			List<String> protocols = first ? ProtocolFeatureProbe.H2_AND_HTTP_1_1 : ProtocolFeatureProbe.HTTP_1_1;
			ClientHelloBuilder hello = hello(suites).applicationProtocols(protocols);
			if (first) {
				hello.deflateCompression()
					.extension(HeartbleedProbe.HEARTBEAT_EXTENSION, new byte[] { HeartbleedProbe.PEER_ALLOWED_TO_SEND })
					.extension(Tls12Handshake.SESSION_TICKET, new byte[0]);
			}
			this.connections++;
			Answer answer;
			ServerFlight flight = wantsFlight() ? new ServerFlight() : null;
			try {
				answer = HelloExchange.exchange(this.target, this.options, hello.build(), flight);
				keep(flight, answer.response());
			}
			catch (NotAsked ex) {
				String detail = String.valueOf(ex.getMessage());
				if (first) {
					this.alpnPreferred = Observed.none(ex.status(), detail);
					this.secureRenegotiation = Observed.none(ex.status(), detail);
					this.compression = Observed.none(ex.status(), detail);
				}
				else {
					this.alpnAlone = Observed.none(ex.status(), detail);
				}
				if (first) {
					this.verdict = new VersionSupport(this.version,
							(ex.status() == Observed.Status.TIMED_OUT) ? VersionVerdict.TIMEOUT : VersionVerdict.ERROR,
							ProtocolVersionProbe.bounded(detail));
				}
				return new Failed(detail);
			}
			Observed<List<String>> alpn = FeatureVerdicts.applicationProtocol(this.version, protocols, answer);
			if (first) {
				this.alpnPreferred = alpn;
				this.secureRenegotiation = FeatureVerdicts.secureRenegotiation(this.version, true, answer);
				this.compression = FeatureVerdicts.compression(this.version, answer);
				takenUp(answer);
			}
			else {
				this.alpnAlone = alpn;
			}
			ServerResponse response = answer.response();
			if (mayBeTheQuestions(response)) {
				return null;
			}
			if (first) {
				this.verdict = VersionVerdicts.judge(this.version, response);
			}
			return choice(response, suites);
		}

		/**
		 * Whether a ServerHello of the version took up heartbeats and session tickets.
		 */
		private void takenUp(Answer answer) {
			ServerHelloFeatures features = answer.features();
			if (features != null && answer.response() instanceof ServerHelloReceived hello
					&& hello.version() == this.version.code()) {
				this.heartbeat = Observed.of(features.heartbeat(),
						features.heartbeat() ? "The ServerHello took up the heartbeat extension"
								: "No heartbeat extension in the ServerHello");
				this.sessionTicket = Observed.of(features.sessionTicket(),
						features.sessionTicket() ? "The ServerHello took up the session_ticket extension"
								: "No session_ticket extension in the ServerHello");
			}
		}

		/**
		 * Up to TLS 1.2 the server's flight is read on to its ServerHelloDone until one
		 * carried a Certificate message: the chain as sent, without a connection of its
		 * own.
		 */
		private boolean wantsFlight() {
			return this.flight == null && this.version != TlsVersion.TLS_1_3;
		}

		private void keep(@Nullable ServerFlight flight, ServerResponse response) {
			if (flight != null && flight.sawCertificate() && response instanceof ServerHelloReceived hello
					&& hello.version() == this.version.code()) {
				this.flight = flight.result(hello.version());
			}
		}

		private static boolean mayBeTheQuestions(ServerResponse response) {
			return response instanceof Closed || (response instanceof AlertReceived alert
					&& alert.description() == AlertDescription.NO_APPLICATION_PROTOCOL.code());
		}

		private ClientHelloBuilder hello(List<Integer> suites) {
			ClientHelloBuilder hello = ClientHelloBuilder.offering(this.version)
				.serverName(WireConnection.serverName(this.target))
				.cipherSuites(withSignal(suites))
				.groups(NamedGroup.codes(NamedGroup.usable(this.version)));
			if (this.version == TlsVersion.TLS_1_3) {
				hello.x25519KeyShare(X25519KeyShare.generate());
			}
			return hello;
		}

		/**
		 * SSL 3.0 has no extensions, so its ClientHello asks for secure renegotiation
		 * with the signalling suite (RFC 5746 §3.3); TLS ClientHellos send the
		 * renegotiation_info extension instead, and RFC 5746 §3.4 advises against both.
		 */
		private List<Integer> withSignal(List<Integer> suites) {
			if (this.version != TlsVersion.SSL_3_0) {
				return suites;
			}
			List<Integer> withScsv = new ArrayList<>(suites);
			withScsv.add(SuiteCatalog.EMPTY_RENEGOTIATION_INFO_SCSV);
			return withScsv;
		}

		private Choice choice(ServerResponse response, List<Integer> offered) {
			return switch (response) {
				case ServerHelloReceived hello -> chosen(hello.version(), hello.cipherSuite(), offered);
				case HelloRetryRequested retry -> (this.version == TlsVersion.TLS_1_3)
						? chosen(TlsVersion.TLS_1_3.code(), retry.cipherSuite(), offered)
						: new Failed("HelloRetryRequest to a ClientHello offering " + this.version.displayName());
				case AlertReceived alert -> Choice.refused(alert);
				case Closed closed -> Choice.refused(closed);
				case TimedOut timedOut -> Choice.timedOut();
				case Malformed malformed -> Choice.failed(malformed);
			};
		}

		private Choice chosen(int version, int suite, List<Integer> offered) {
			if (version != this.version.code()) {
				return new Failed("The server answered with " + VersionVerdicts.versionName(version)
						+ " to a ClientHello offering " + this.version.displayName());
			}
			if (!offered.contains(suite)) {
				return new Failed("The server chose " + suiteName(suite) + ", which was not offered");
			}
			// Every code offered comes from the registry
			CipherSuites.byCode(suite).ifPresent(this.chosen);
			return new Chosen(suite);
		}

	}

	private static String suiteName(int code) {
		return CipherSuites.byCode(code)
			.map((suite) -> suite.name() + " (" + Hex.u16(code) + ")")
			.orElseGet(() -> "cipher suite " + Hex.u16(code));
	}

	private static List<CipherSuite> suites(List<Integer> codes) {
		// Every code offered comes from the registry
		return codes.stream().map((code) -> CipherSuites.byCode(code).orElseThrow()).toList();
	}

}

package dev.tlswatch.probe.wire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.CipherSuiteProber;
import dev.tlswatch.probe.CipherSuites;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.wire.Choice.Chosen;
import dev.tlswatch.probe.wire.Choice.Failed;
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
 * the one the server chooses, offer the rest again, until the server refuses. Then two
 * ClientHellos offer the same two of the suites found, in both orders: the same winner
 * twice means the server decides, and then the order found is its order of preference.
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
 * @see CipherSuiteProber#wire()
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
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(options, "options");
		Objects.requireNonNull(version, "version");
		if (!TlsVersion.probed().contains(version)) {
			throw new IllegalArgumentException(version.displayName() + " is not probed on the wire");
		}
		SuiteEnumeration result = new Enumeration(target, options, version).run();
		logger.debug("{} suites of {}: {} accepted, {}, {} connections{}", version, target, result.accepted().size(),
				result.order(), result.connections(),
				(result.incompleteReason() != null) ? ", incomplete: " + result.incompleteReason() : "");
		return result;
	}

	/**
	 * One enumeration, with its count of connections.
	 */
	private static final class Enumeration {

		private final ProbeTarget target;

		private final ProbeOptions options;

		private final TlsVersion version;

		private int connections;

		private int chunksWithFinds;

		Enumeration(ProbeTarget target, ProbeOptions options, TlsVersion version) {
			this.target = target;
			this.options = options;
			this.version = version;
		}

		SuiteEnumeration run() {
			Pass pass = allSuites();
			String incompleteReason = pass.incompleteReason();
			List<Integer> accepted = pass.found();
			ServerOrder order = (incompleteReason == null) ? order(accepted) : ServerOrder.UNKNOWN;
			if (order == ServerOrder.SERVER && this.chunksWithFinds > 1) {
				List<Integer> ranked = rank(accepted);
				order = (ranked != null) ? ServerOrder.SERVER : ServerOrder.UNKNOWN;
				accepted = (ranked != null) ? ranked : accepted;
			}
			return new SuiteEnumeration(this.version, suites(accepted), order, this.connections,
					ProtocolVersionProbe.bounded(incompleteReason));
		}

		/** The whole list in one ClientHello; in chunks if the server closed on it. */
		private Pass allSuites() {
			List<Integer> offer = SuiteCatalog.enumerable(this.version);
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
		 * Two ClientHellos with the same two suites in opposite orders. Where possible
		 * neither is a ChaCha20 suite, which some servers prefer only when the client
		 * lists one first.
		 */
		private ServerOrder order(List<Integer> accepted) {
			if (accepted.size() < 2) {
				return ServerOrder.UNKNOWN;
			}
			List<Integer> candidates = accepted.stream().filter((code) -> !SuiteCatalog.isChaCha(code)).toList();
			List<Integer> pool = (candidates.size() >= 2) ? candidates : accepted;
			int first = pool.get(0);
			int last = pool.get(pool.size() - 1);
			Choice forward = offer(List.of(first, last));
			if (!(forward instanceof Chosen forwardChoice)) {
				return ServerOrder.UNKNOWN;
			}
			Choice backward = offer(List.of(last, first));
			if (!(backward instanceof Chosen backwardChoice)) {
				return ServerOrder.UNKNOWN;
			}
			if (forwardChoice.code() == backwardChoice.code()) {
				return ServerOrder.SERVER;
			}
			return (forwardChoice.code() == first && backwardChoice.code() == last) ? ServerOrder.CLIENT
					: ServerOrder.UNKNOWN;
		}

		/** One connection, one ClientHello offering these suites. */
		private Choice offer(List<Integer> suites) {
			ClientHelloBuilder hello = ClientHelloBuilder.offering(this.version)
				.serverName(WireConnection.serverName(this.target))
				.cipherSuites(withSignal(suites))
				.groups(NamedGroup.codes(NamedGroup.usable(this.version)));
			if (this.version == TlsVersion.TLS_1_3) {
				hello.x25519KeyShare(X25519KeyShare.generate());
			}
			this.connections++;
			try {
				ServerResponse response = WireConnection.exchange(this.target, this.options, hello.build(),
						ServerResponseReader::read);
				Choice choice = choice(response, suites);
				logger.trace("{} of {}, {} suites offered: {}", this.version, this.target, suites.size(), choice);
				return choice;
			}
			catch (WireConnection.Failure ex) {
				return new Failed(String.valueOf(ex.getMessage()));
			}
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

package dev.tlswatch.probe.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.GroupEnumeration;
import dev.tlswatch.probe.GroupProber;
import dev.tlswatch.probe.KeyExchangeGroup;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.wire.Choice.Chosen;
import dev.tlswatch.probe.wire.Choice.Failed;
import dev.tlswatch.probe.wire.Choice.Refused;
import dev.tlswatch.probe.wire.NamedGroup.Family;
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
 * Enumerates the key exchange groups of one version by offering every known group in
 * supported_groups, noting the one the server chooses, and offering the rest again until
 * the server refuses.
 * <p>
 * TLS 1.3: the ClientHello sends an empty key_share, which RFC 8446 §4.2.8 allows, so
 * that the server must name its group in a HelloRetryRequest; no key is generated for any
 * group, and a post-quantum hybrid such as X25519MLKEM768 shows like any other group. Up
 * to TLS 1.2 the group shows only in the ServerKeyExchange: first ClientHellos with only
 * ECDHE suites and elliptic curves, whose ServerKeyExchange names the curve (RFC 8422
 * §5.4); then ClientHellos with only DHE suites and the groups of RFC 7919, whose
 * ServerKeyExchange carries the prime. A server with a DH prime of its own, or with one
 * RFC 7919 group whatever the client offers, ends the finite-field round. One connection
 * at a time, each through {@link WireConnection}. Stateless, hence thread-safe.
 *
 * @see GroupProber
 */
public final class GroupProbe implements GroupProber {

	private static final Logger logger = LoggerFactory.getLogger(GroupProbe.class);

	@Override
	public GroupEnumeration enumerate(ProbeTarget target, ProbeOptions options, TlsVersion version) {
		return run(target, options, version, null, Set.of());
	}

	@Override
	public GroupEnumeration enumerate(ProbeTarget target, ProbeOptions options, TlsVersion version,
			List<CipherSuite> acceptedSuites) {
		Objects.requireNonNull(acceptedSuites, "acceptedSuites");
		return run(target, options, version, List.copyOf(acceptedSuites), Set.of());
	}

	@Override
	public GroupEnumeration enumerate(ProbeTarget target, ProbeOptions options, TlsVersion version,
			List<CipherSuite> acceptedSuites, Set<KeyExchangeGroup> known) {
		Objects.requireNonNull(acceptedSuites, "acceptedSuites");
		Objects.requireNonNull(known, "known");
		return run(target, options, version, List.copyOf(acceptedSuites),
				known.stream().map(KeyExchangeGroup::code).collect(Collectors.toUnmodifiableSet()));
	}

	private GroupEnumeration run(ProbeTarget target, ProbeOptions options, TlsVersion version,
			@Nullable List<CipherSuite> acceptedSuites, Set<Integer> known) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(options, "options");
		Objects.requireNonNull(version, "version");
		if (version.compareTo(TlsVersion.TLS_1_0) < 0) {
			throw new IllegalArgumentException(version.displayName() + " has no supported_groups");
		}
		GroupEnumeration result = new Enumeration(target, options, version, acceptedSuites, known).run();
		logger.debug("{} groups of {}: {}, {} connections{}", version, target,
				result.accepted().stream().map(KeyExchangeGroup::name).toList(), result.connections(),
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

		private final @Nullable List<CipherSuite> acceptedSuites;

		private final Set<Integer> known;

		private int connections;

		Enumeration(ProbeTarget target, ProbeOptions options, TlsVersion version,
				@Nullable List<CipherSuite> acceptedSuites, Set<Integer> known) {
			this.target = target;
			this.options = options;
			this.version = version;
			this.acceptedSuites = acceptedSuites;
			this.known = known;
		}

		/** The codes to offer: the groups given, less those already known. */
		private List<Integer> unknown(List<NamedGroup> groups) {
			return NamedGroup.codes(groups).stream().filter((code) -> !this.known.contains(code)).toList();
		}

		/** Offer the codes until the server refuses; nothing to offer costs nothing. */
		private static Pass pass(List<Integer> codes, Function<List<Integer>, Choice> attempt) {
			return codes.isEmpty() ? new Pass(List.of(), null, null) : RemoveAndRepeat.run(codes, attempt);
		}

		/** Whether a round can show a group: unknown suites, or one of them uses it. */
		private boolean worthAsking(Predicate<CipherSuite> keyExchange) {
			List<CipherSuite> suites = this.acceptedSuites;
			return suites == null || suites.stream().anyMatch(keyExchange);
		}

		GroupEnumeration run() {
			if (this.version == TlsVersion.TLS_1_3) {
				Pass pass = pass(unknown(NamedGroup.usable(this.version)), this::offerTls13);
				return result(pass.found(), pass.incompleteReason());
			}
			Pass curves = worthAsking(ServerKeyExchangeParser::ellipticCurve)
					? pass(unknown(NamedGroup.usable(this.version, Family.ELLIPTIC_CURVE)),
							(groups) -> offerTls12(groups, Family.ELLIPTIC_CURVE))
					: new Pass(List.of(), null, null);
			if (curves.incompleteReason() != null) {
				return result(curves.found(), curves.incompleteReason());
			}
			Pass fields = worthAsking(ServerKeyExchangeParser::finiteField)
					? pass(unknown(NamedGroup.usable(this.version, Family.FINITE_FIELD)),
							(groups) -> offerTls12(groups, Family.FINITE_FIELD))
					: new Pass(List.of(), null, null);
			List<Integer> found = new ArrayList<>(curves.found());
			found.addAll(fields.found());
			return result(found, fields.incompleteReason());
		}

		/**
		 * TLS 1.3 with every TLS 1.3 suite and no key share: a HelloRetryRequest names
		 * the group.
		 */
		private Choice offerTls13(List<Integer> groups) {
			ClientHelloBuilder hello = ClientHelloBuilder.offering(this.version)
				.serverName(WireConnection.serverName(this.target))
				.cipherSuites(SuiteCatalog.enumerable(this.version))
				.groups(groups);
			return exchange(hello, ServerResponseReader::read, (response) -> switch (response) {
				case HelloRetryRequested retry -> retried(retry, groups);
				case ServerHelloReceived serverHello ->
					(serverHello.version() != this.version.code()) ? wrongVersion(serverHello.version())
							: new Failed("ServerHello without a HelloRetryRequest to a ClientHello without key shares");
				default -> unchosen(response);
			});
		}

		private Choice retried(HelloRetryRequested retry, List<Integer> offered) {
			Integer group = retry.group();
			if (group == null) {
				return new Failed("HelloRetryRequest without a group");
			}
			return offered.contains(group) ? new Chosen(group) : notOffered(group);
		}

		/** Up to TLS 1.2: only suites of the family, only groups of the family. */
		private Choice offerTls12(List<Integer> groups, Family family) {
			Predicate<CipherSuite> exchange = (family == Family.ELLIPTIC_CURVE) ? ServerKeyExchangeParser::ellipticCurve
					: ServerKeyExchangeParser::finiteField;
			List<Integer> suites = SuiteCatalog.enumerable(this.version, exchange);
			ClientHelloBuilder hello = ClientHelloBuilder.offering(this.version)
				.serverName(WireConnection.serverName(this.target))
				.cipherSuites(suites)
				.groups(groups);
			return exchange(hello, ServerResponseReader::readThroughKeyExchange, (response) -> switch (response) {
				case ServerHelloReceived serverHello -> keyExchange(serverHello, suites, groups, family);
				case HelloRetryRequested retry ->
					new Failed("HelloRetryRequest to a ClientHello offering " + this.version.displayName());
				default -> unchosen(response);
			});
		}

		private Choice keyExchange(ServerHelloReceived hello, List<Integer> suites, List<Integer> offered,
				Family family) {
			if (hello.version() != this.version.code()) {
				return wrongVersion(hello.version());
			}
			if (!suites.contains(hello.cipherSuite())) {
				return new Failed(
						"The server chose cipher suite " + Hex.u16(hello.cipherSuite()) + ", which was not offered");
			}
			Integer group = hello.group();
			if (group == null) {
				return (family == Family.FINITE_FIELD)
						? new Refused("The server uses Diffie-Hellman parameters of its own, not a named group", false)
						: new Failed("The ServerKeyExchange names no curve");
			}
			if (offered.contains(group)) {
				return new Chosen(group);
			}
			// A server that falls back to a group of its own when none offered suits it
			// (JSSE does, for curves and for RFC 7919 groups) refuses the rest
			boolean ofTheFamily = NamedGroup.codes(NamedGroup.usable(this.version, family)).contains(group);
			return ofTheFamily
					? new Refused("The server uses " + NamedGroup.nameOf(group) + " whatever the client offers", false)
					: notOffered(group);
		}

		private Choice exchange(ClientHelloBuilder hello, WireConnection.AnswerReader<ServerResponse> reader,
				Function<ServerResponse, Choice> judge) {
			this.connections++;
			try {
				ServerResponse response = WireConnection.exchange(this.target, this.options, hello.build(), reader);
				Choice choice = judge.apply(response);
				logger.trace("{} groups of {}: {}", this.version, this.target, choice);
				return choice;
			}
			catch (WireConnection.Failure ex) {
				return new Failed(String.valueOf(ex.getMessage()));
			}
		}

		private Choice wrongVersion(int version) {
			return new Failed("The server answered with " + VersionVerdicts.versionName(version)
					+ " to a ClientHello offering " + this.version.displayName());
		}

		private static Choice notOffered(int group) {
			return new Failed("The server chose " + NamedGroup.nameOf(group) + ", which was not offered");
		}

		private static Choice unchosen(ServerResponse response) {
			return switch (response) {
				case AlertReceived alert -> Choice.refused(alert);
				case Closed closed -> Choice.refused(closed);
				case TimedOut timedOut -> Choice.timedOut();
				case Malformed malformed -> Choice.failed(malformed);
				case ServerHelloReceived hello -> throw new IllegalArgumentException("A ServerHello was chosen");
				case HelloRetryRequested retry -> throw new IllegalArgumentException("A HelloRetryRequest was chosen");
			};
		}

		private GroupEnumeration result(List<Integer> codes, @Nullable String incompleteReason) {
			// Every code offered is a known group
			List<KeyExchangeGroup> groups = codes.stream()
				.map((code) -> KeyExchangeGroup.byCode(code).orElseThrow())
				.toList();
			return new GroupEnumeration(this.version, groups, this.connections,
					ProtocolVersionProbe.bounded(incompleteReason));
		}

	}

}

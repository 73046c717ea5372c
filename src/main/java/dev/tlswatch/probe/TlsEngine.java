package dev.tlswatch.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The probe engine: probes one address completely and grades it. It first shakes hands
 * (one connection); only an address that answers gets the wire probes, each job using one
 * connection at a time and at most {@code connectionsPerAddress} of them at once, so that
 * a scan never looks like an attack. Thread-safe; usable without the application.
 */
public final class TlsEngine {

	/** Connections open at once to one address, unless configured otherwise. */
	public static final int DEFAULT_CONNECTIONS_PER_ADDRESS = 4;

	private final TlsProber handshakes;

	private final VersionProber versions;

	private final FeatureProber features;

	private final CipherSuiteProber suites;

	private final GroupProber groups;

	private final int connectionsPerAddress;

	private final HstsProber hsts;

	private final Ssl2Prober ssl2;

	private final ChachaPreferenceProber chacha;

	/** Ports where an HTTPS server is expected whatever ALPN says. */
	static final Set<Integer> HTTPS_PORTS = Set.of(443, 8443, 4443);

	// ALPN identifiers of HTTP over TLS (RFC 7301 §6, RFC 9113 §3.2)
	private static final Set<String> HTTP_PROTOCOLS = Set.of("h2", "http/1.1");

	/**
	 * An engine with the JSSE handshake, the wire probes and the given cap.
	 * @param connectionsPerAddress connections open at once to one address, at least 1
	 */
	public TlsEngine(int connectionsPerAddress) {
		this(TlsProber.jsse(), VersionProber.wire(), CipherSuiteProber.wire(), GroupProber.wire(),
				FeatureProber.wire(Math.max(1, connectionsPerAddress)), HstsProber.jsse(), connectionsPerAddress);
	}

	TlsEngine(TlsProber handshakes, VersionProber versions, CipherSuiteProber suites, GroupProber groups,
			FeatureProber features, HstsProber hsts, int connectionsPerAddress) {
		this(handshakes, versions, suites, groups, features, hsts, Ssl2Prober.wire(), ChachaPreferenceProber.wire(),
				connectionsPerAddress);
	}

	TlsEngine(TlsProber handshakes, VersionProber versions, CipherSuiteProber suites, GroupProber groups,
			FeatureProber features, HstsProber hsts, Ssl2Prober ssl2, ChachaPreferenceProber chacha,
			int connectionsPerAddress) {
		if (connectionsPerAddress < 1) {
			throw new IllegalArgumentException("At least one connection per address is needed");
		}
		this.handshakes = handshakes;
		this.versions = versions;
		this.features = features;
		this.suites = suites;
		this.groups = groups;
		this.hsts = hsts;
		this.ssl2 = ssl2;
		this.chacha = chacha;
		this.connectionsPerAddress = connectionsPerAddress;
	}

	/**
	 * Probe one address. Bounded by the options' timeouts per connection.
	 * @param target the address, port, names and how TLS starts
	 * @param options timeouts, trust anchors and clock
	 * @return what was found
	 */
	public ProbeReport probe(ProbeTarget target, ProbeOptions options) {
		long started = System.nanoTime();
		AtomicInteger connections = new AtomicInteger(1);
		HandshakeObservation handshake = this.handshakes.handshake(target, options);
		if (!handshake.outcome().answered()) {
			return new ProbeReport(target, handshake, List.of(), Map.of(), List.of(), null, null, 1,
					Duration.ofNanos(System.nanoTime() - started));
		}
		List<VersionSupport> versionResults = probeVersions(target, options, connections);
		List<TlsVersion> accepted = accepted(versionResults);
		Map<TlsVersion, SuiteEnumeration> suiteResults = new EnumMap<>(TlsVersion.class);
		List<GroupEnumeration> groupResults = new ArrayList<>();
		enumerate(target, options, accepted, suiteResults, groupResults);
		suiteResults.values().forEach((enumeration) -> connections.addAndGet(enumeration.connections()));
		groupResults.forEach((enumeration) -> connections.addAndGet(enumeration.connections()));
		FeatureReport featureReport = accepted.isEmpty() ? null
				: this.features.probe(target, options, accepted.get(0), (accepted.size() > 1) ? accepted.get(1) : null);
		if (featureReport != null) {
			connections.addAndGet(featureReport.connections());
		}
		Observed<Hsts> hsts = hsts(target, options, featureReport, connections);
		Extras extras = extras(target, options, suiteResults, connections);
		return new ProbeReport(target, handshake, versionResults, suiteResults, groupResults, featureReport,
				Grades.of(handshake, versionResults, suiteResults, groupResults, featureReport, hsts, extras.ssl2()),
				connections.get(), Duration.ofNanos(System.nanoTime() - started), hsts, extras.ssl2(), extras.chacha());
	}

	/**
	 * SSL 2.0 (one connection) and, for TLS 1.2 and TLS 1.3, whether a server that
	 * enforces its order honours a client's ChaCha20 preference (at most one connection
	 * each); separate from the other probes, under the same cap.
	 */
	private Extras extras(ProbeTarget target, ProbeOptions options, Map<TlsVersion, SuiteEnumeration> suites,
			AtomicInteger connections) {
		List<Callable<Object>> jobs = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		jobs.add(() -> this.ssl2.probe(target, options));
		keys.add("SSLv2");
		for (TlsVersion version : List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)) {
			SuiteEnumeration enumeration = suites.get(version);
			if (enumeration != null) {
				jobs.add(() -> this.chacha.probe(target, options, enumeration));
				keys.add("ChaCha20 " + version.shortName());
			}
		}
		connections.incrementAndGet();
		Ssl2Support ssl2 = new Ssl2Support(VersionVerdict.ERROR, List.of(), "Probe failed");
		Map<TlsVersion, ChachaPreference> chacha = new EnumMap<>(TlsVersion.class);
		for (Object result : runCapped(jobs, keys, (key, error) -> (Object) (key + " failed: " + error))) {
			if (result instanceof Ssl2Support support) {
				ssl2 = support;
			}
			else if (result instanceof ChachaPreference preference) {
				chacha.put(preference.version(), preference);
				connections.addAndGet(preference.connections());
			}
			else if (result instanceof String failure && failure.startsWith("SSLv2")) {
				ssl2 = new Ssl2Support(VersionVerdict.ERROR, List.of(), failure);
			}
		}
		return new Extras(ssl2, chacha);
	}

	/** What {@link #extras} found. */
	private record Extras(Ssl2Support ssl2, Map<TlsVersion, ChachaPreference> chacha) {
	}

	/**
	 * HSTS, one connection, for an HTTPS server: TLS starts at once and either the port
	 * is one HTTPS uses (443, 8443, 4443) or the server chose an HTTP protocol by ALPN.
	 * Anything else (STARTTLS, a mail or directory server on its own port) is not
	 * applicable.
	 */
	private Observed<Hsts> hsts(ProbeTarget target, ProbeOptions options, @Nullable FeatureReport features,
			AtomicInteger connections) {
		if (target.startTls() != StartTls.NONE) {
			return Observed.notApplicable("STARTTLS " + target.startTls() + " is not HTTPS");
		}
		List<String> alpn = (features != null) ? features.alpn().value() : null;
		boolean httpAlpn = alpn != null && alpn.stream().anyMatch(HTTP_PROTOCOLS::contains);
		if (!HTTPS_PORTS.contains(target.port()) && !httpAlpn) {
			return Observed.notApplicable("Port " + target.port() + " is not an HTTPS port and the server chose no"
					+ " HTTP protocol by ALPN");
		}
		connections.incrementAndGet();
		return this.hsts.probe(target, options);
	}

	private List<VersionSupport> probeVersions(ProbeTarget target, ProbeOptions options, AtomicInteger connections) {
		List<Callable<VersionSupport>> jobs = new ArrayList<>();
		for (TlsVersion version : TlsVersion.probed()) {
			jobs.add(() -> {
				connections.incrementAndGet();
				return this.versions.probe(target, options, version);
			});
		}
		return runCapped(jobs, TlsVersion.probed(),
				(version, error) -> new VersionSupport(version, VersionVerdict.ERROR, "Probe failed: " + error));
	}

	/** The accepted versions, newest first. */
	private static List<TlsVersion> accepted(List<VersionSupport> versionResults) {
		return versionResults.stream()
			.filter((version) -> version.verdict() == VersionVerdict.ACCEPTED)
			.map(VersionSupport::version)
			.sorted(Comparator.reverseOrder())
			.toList();
	}

	/**
	 * One job per accepted version for its suites, one per TLS 1.3 and TLS 1.2 for their
	 * groups; each job uses one connection at a time, all under the cap.
	 */
	private void enumerate(ProbeTarget target, ProbeOptions options, List<TlsVersion> accepted,
			Map<TlsVersion, SuiteEnumeration> suiteResults, List<GroupEnumeration> groupResults) {
		List<Callable<Object>> jobs = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		for (TlsVersion version : accepted) {
			jobs.add(() -> this.suites.enumerate(target, options, version));
			keys.add("suites " + version.shortName());
		}
		for (TlsVersion version : List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)) {
			if (accepted.contains(version)) {
				jobs.add(() -> this.groups.enumerate(target, options, version));
				keys.add("groups " + version.shortName());
			}
		}
		for (Object result : runCapped(jobs, keys, (key, error) -> (Object) ("failed: " + error))) {
			if (result instanceof SuiteEnumeration enumeration) {
				suiteResults.put(enumeration.version(), enumeration);
			}
			else if (result instanceof GroupEnumeration enumeration) {
				groupResults.add(enumeration);
			}
		}
	}

	/**
	 * Run jobs at most {@code connectionsPerAddress} at a time, each on its own virtual
	 * thread; a job that fails locally gets its fallback result.
	 */
	private <K, R> List<R> runCapped(List<Callable<R>> jobs, List<K> keys, Fallback<K, R> fallback) {
		Semaphore permits = new Semaphore(this.connectionsPerAddress);
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<R>> futures = new ArrayList<>();
			for (Callable<R> job : jobs) {
				futures.add(executor.submit(() -> {
					permits.acquire();
					try {
						return job.call();
					}
					finally {
						permits.release();
					}
				}));
			}
			List<R> results = new ArrayList<>();
			for (int i = 0; i < futures.size(); i++) {
				results.add(await(futures.get(i), keys.get(i), fallback));
			}
			return List.copyOf(results);
		}
	}

	private static <K, R> R await(Future<R> future, K key, Fallback<K, R> fallback) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			// The probes report everything the peer does; an exception is a local bug.
			return fallback.of(key, String.valueOf(ex.getCause()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fallback.of(key, "interrupted");
		}
	}

	@FunctionalInterface
	private interface Fallback<K, R> {

		R of(K key, String error);

	}

	/**
	 * Turns what the probes found into the grade's input.
	 */
	static final class Grades {

		private Grades() {
		}

		static Grade of(HandshakeObservation handshake, List<VersionSupport> versions,
				Map<TlsVersion, SuiteEnumeration> suites, List<GroupEnumeration> groups,
				@Nullable FeatureReport features, Observed<Hsts> hsts) {
			return of(handshake, versions, suites, groups, features, hsts, null);
		}

		/**
		 * The grade, with SSL 2.0 among the accepted versions when it was seen accepted.
		 */
		static Grade of(HandshakeObservation handshake, List<VersionSupport> versions,
				Map<TlsVersion, SuiteEnumeration> suites, List<GroupEnumeration> groups,
				@Nullable FeatureReport features, Observed<Hsts> hsts, @Nullable Ssl2Support ssl2) {
			Set<TlsVersion> acceptedVersions = acceptedVersions(versions, ssl2 != null && ssl2.accepted());
			GradeInput input = GradeInput.UNKNOWN.withTrust(handshake.trust())
				.withHostnameMatches(handshake.hostnameMatches())
				.withVersions(acceptedVersions);
			if (acceptedVersions != null && suites.keySet().containsAll(acceptedVersions)
					&& suites.values().stream().allMatch(SuiteEnumeration::complete)
					&& suites.values().stream().noneMatch((enumeration) -> enumeration.accepted().isEmpty())) {
				Map<TlsVersion, List<CipherSuite>> accepted = new EnumMap<>(TlsVersion.class);
				acceptedVersions.forEach((version) -> accepted.put(version, suites.get(version).accepted()));
				input = input.withAcceptedSuites(accepted);
			}
			input = input.withEcdhBits(smallest(groups, false)).withDhBits(smallest(groups, true));
			if (features != null) {
				input = input.withSecureRenegotiation(features.secureRenegotiation().value())
					.withCompression(features.compression().value())
					.withFallbackScsv(features.fallbackScsv().value());
			}
			Hsts policy = hsts.value();
			input = input.withHstsApplies(hsts.status() != Observed.Status.NOT_APPLICABLE)
				.withHstsMaxAge((policy != null) ? (Long) policy.effectiveMaxAge() : null);
			if (!handshake.chain().isEmpty()) {
				CertificateInfo leaf = handshake.chain().get(0);
				input = input.withChainIssues(handshake.chainReport().issues())
					.withSignatureAlgorithm(leaf.signatureAlgorithm())
					.withMustStapleWithoutStaple(mustStapleWithoutStaple(handshake));
				if (leaf.keySize() != null) {
					input = input.withServerKey(new GradeInput.ServerKey(leaf.keyAlgorithm(), leaf.keySize()));
				}
			}
			return Grade.of(input);
		}

		/** Known when the leaf does not demand a staple, or when stapling was seen. */
		private static @Nullable Boolean mustStapleWithoutStaple(HandshakeObservation handshake) {
			if (!handshake.chainReport().mustStaple()) {
				return false;
			}
			return handshake.ocspStapled().known() ? handshake.mustStapleWithoutStaple() : null;
		}

		/**
		 * The smallest accepted finite-field or elliptic-curve group, {@code null} when
		 * none was seen or the enumeration was incomplete.
		 */
		private static @Nullable Integer smallest(List<GroupEnumeration> groups, boolean finiteField) {
			if (groups.isEmpty() || !groups.stream().allMatch(GroupEnumeration::complete)) {
				return null;
			}
			return groups.stream()
				.flatMap((enumeration) -> enumeration.accepted().stream())
				.filter((group) -> group.name().startsWith("ffdhe") == finiteField)
				.map(KeyExchangeGroup::bits)
				.min(Integer::compare)
				.orElse(null);
		}

		/**
		 * The accepted versions, SSL 2.0 among them when it was seen accepted, or
		 * {@code null} (unknown) unless every probed version got a clear answer and at
		 * least one was accepted.
		 */
		private static @Nullable Set<TlsVersion> acceptedVersions(List<VersionSupport> versions, boolean ssl2Accepted) {
			if (versions.isEmpty() || versions.stream()
				.anyMatch((version) -> version.verdict() == VersionVerdict.TIMEOUT
						|| version.verdict() == VersionVerdict.ERROR)) {
				return null;
			}
			Set<TlsVersion> accepted = new LinkedHashSet<>();
			versions.stream()
				.filter((version) -> version.verdict() == VersionVerdict.ACCEPTED)
				.forEach((version) -> accepted.add(version.version()));
			if (ssl2Accepted) {
				accepted.add(TlsVersion.SSL_2_0);
			}
			return accepted.isEmpty() ? null : accepted;
		}

	}

}

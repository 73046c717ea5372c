package dev.tlswatch.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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

	private final FeatureProber features;

	private final CipherSuiteProber suites;

	private final GroupProber groups;

	private final int connectionsPerAddress;

	private final HstsProber hsts;

	private final Ssl2Prober ssl2;

	private final ChachaPreferenceProber chacha;

	private final RevocationChecker revocation;

	// Vulnerability checks: the wire ones (Heartbleed, CCS injection, ROBOT, Logjam)
	private final List<VulnerabilityCheck> vulnerabilityChecks;

	/** Ports where an HTTPS server is expected whatever ALPN says. */
	static final Set<Integer> HTTPS_PORTS = Set.of(443, 8443, 4443);

	// ALPN identifiers of HTTP over TLS (RFC 7301 §6, RFC 9113 §3.2)
	private static final Set<String> HTTP_PROTOCOLS = Set.of("h2", "http/1.1");

	/** The versions whose groups are enumerated, newest first. */
	private static final List<TlsVersion> GROUP_VERSIONS = List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);

	/**
	 * An engine with the JSSE handshake, the wire probes and the given cap, as
	 * {@link Probers} builds them.
	 * @param connectionsPerAddress connections open at once to one address, at least 1
	 */
	public TlsEngine(int connectionsPerAddress) {
		this(connectionsPerAddress, RevocationChecker.OFF);
	}

	/**
	 * An engine with the JSSE handshake, the wire probes, the given cap and a revocation
	 * check of every chain received.
	 * @param connectionsPerAddress connections open at once to one address, at least 1
	 * @param revocation the revocation check ({@link RevocationChecker#OFF} for none)
	 */
	public TlsEngine(int connectionsPerAddress, RevocationChecker revocation) {
		this(Probers.handshakes(), Probers.cipherSuites(), Probers.groups(),
				Probers.features(Math.max(1, connectionsPerAddress)), Probers.hsts(), Probers.ssl2(),
				Probers.chachaPreference(), Probers.vulnerabilityChecks(), connectionsPerAddress, revocation);
	}

	TlsEngine(TlsProber handshakes, CipherSuiteProber suites, GroupProber groups, FeatureProber features,
			HstsProber hsts, Ssl2Prober ssl2, ChachaPreferenceProber chacha, int connectionsPerAddress) {
		this(handshakes, suites, groups, features, hsts, ssl2, chacha, List.of(), connectionsPerAddress);
	}

	TlsEngine(TlsProber handshakes, CipherSuiteProber suites, GroupProber groups, FeatureProber features,
			HstsProber hsts, Ssl2Prober ssl2, ChachaPreferenceProber chacha,
			List<VulnerabilityCheck> vulnerabilityChecks, int connectionsPerAddress) {
		this(handshakes, suites, groups, features, hsts, ssl2, chacha, vulnerabilityChecks, connectionsPerAddress,
				RevocationChecker.OFF);
	}

	TlsEngine(TlsProber handshakes, CipherSuiteProber suites, GroupProber groups, FeatureProber features,
			HstsProber hsts, Ssl2Prober ssl2, ChachaPreferenceProber chacha,
			List<VulnerabilityCheck> vulnerabilityChecks, int connectionsPerAddress, RevocationChecker revocation) {
		this.revocation = revocation;
		if (connectionsPerAddress < 1) {
			throw new IllegalArgumentException("At least one connection per address is needed");
		}
		this.handshakes = handshakes;
		this.features = features;
		this.suites = suites;
		this.groups = groups;
		this.hsts = hsts;
		this.ssl2 = ssl2;
		this.chacha = chacha;
		this.vulnerabilityChecks = List.copyOf(vulnerabilityChecks);
		this.connectionsPerAddress = connectionsPerAddress;
	}

	/**
	 * Probe one address. Bounded by the options' timeouts per connection.
	 * <p>
	 * Connections: one JSSE handshake for the certificate chain; then per version one
	 * sweep whose first ClientHello is at once the version probe and the first of the
	 * suite enumeration (one connection for a refused version, one per accepted suite
	 * plus one, plus at most one for the order, for an accepted one); the TLS 1.2 sweep
	 * also carries the ALPN and compression questions. SSL 2.0 has one connection of its
	 * own beside them. The groups of TLS 1.3 are enumerated as soon as its sweep shows
	 * they can be found; TLS 1.2's curves, once the sweeps have ended, are inferred from
	 * TLS 1.3's complete round, with one round over the curves it did not show (see
	 * {@link GroupRounds}); the ChaCha20 question (at most one connection per version) as
	 * soon as the version's sweep has ended; the feature questions left and HSTS come
	 * last. Heartbleed and Ticketbleed are decided without a connection when the TLS 1.2
	 * sweep's first ServerHello left out the extension they need.
	 * @param target the address, port, names and how TLS starts
	 * @param options timeouts, trust anchors and clock
	 * @return what was found
	 */
	public ProbeReport probe(ProbeTarget target, ProbeOptions unwatched) {
		long started = System.nanoTime();
		AtomicInteger connections = new AtomicInteger(1);
		ProbeTally tally = new ProbeTally(unwatched.watch());
		ProbeOptions options = unwatched.withWatch(tally);
		TlsProber.Fingerprinted first = this.handshakes.fingerprinted(target, options);
		HandshakeObservation handshake = first.handshake();
		if (!handshake.outcome().answered()) {
			return new ProbeReport(target, handshake, List.of(), Map.of(), List.of(), null, null, 1,
					Duration.ofNanos(System.nanoTime() - started),
					Observed.none(Observed.Status.COULD_NOT_TEST, "Not probed"), null, Map.of(), List.of(),
					first.fingerprint(), null);
		}
		// The revocation check talks to the CA, not to the target: it runs beside the
		// probes
		@Nullable CompletableFuture<RevocationReport> revocationCheck = handshake.chain().isEmpty() ? null
				: checkRevocation(handshake, options);
		Sweeping sweeping = sweepAndEnumerate(target, options);
		List<VersionSweep> sweeps = sweeping.sweeps();
		handshake = WireFlights.complete(handshake, sweeps, target, options);
		if (revocationCheck == null && !handshake.chain().isEmpty()) {
			revocationCheck = checkRevocation(handshake, options);
		}
		List<GroupEnumeration> groupResults = sweeping.groups();
		List<VersionSupport> versionResults = sweeps.stream().map(VersionSweep::support).toList();
		Map<TlsVersion, SuiteEnumeration> suiteResults = new EnumMap<>(TlsVersion.class);
		FeatureAnswers known = FeatureAnswers.NONE;
		for (VersionSweep sweep : sweeps) {
			connections.addAndGet(sweep.suites().connections());
			if (sweep.accepted()) {
				suiteResults.put(sweep.support().version(), sweep.suites());
			}
			if (sweep.features().version() != null) {
				known = sweep.features();
			}
		}
		groupResults.forEach((enumeration) -> connections.addAndGet(enumeration.connections()));
		List<TlsVersion> accepted = accepted(versionResults);
		FeatureReport featureReport = accepted.isEmpty() ? null : this.features.probe(target, options, accepted.get(0),
				(accepted.size() > 1) ? accepted.get(1) : null, known);
		if (featureReport != null) {
			connections.addAndGet(featureReport.connections());
		}
		connections.incrementAndGet();
		sweeping.chacha().values().forEach((preference) -> connections.addAndGet(preference.connections()));
		Observed<Hsts> hsts = hsts(target, options, featureReport, connections);
		List<VulnerabilityResult> vulnerabilities = vulnerabilities(target, options, versionResults, suiteResults,
				sweeping.ssl2(), featureReport, known);
		vulnerabilities.forEach((result) -> connections.addAndGet(result.connections()));
		RateLimit rateLimit = rateLimit(tally, target, options, connections, first.handshake().outcome());
		if (rateLimit != null) {
			versionResults = RateLimited.versions(versionResults, rateLimit);
			suiteResults = RateLimited.suites(suiteResults, rateLimit);
			groupResults = RateLimited.groups(groupResults, rateLimit);
		}
		ProbeReport report = new ProbeReport(target, handshake, versionResults, suiteResults, groupResults,
				featureReport,
				Grades.of(handshake, versionResults, suiteResults, groupResults, featureReport, hsts, sweeping.ssl2(),
						vulnerabilities),
				connections.get(), Duration.ofNanos(System.nanoTime() - started), hsts, sweeping.ssl2(),
				sweeping.chacha(), vulnerabilities, first.fingerprint(), rateLimit);
		return (revocationCheck != null) ? report.withRevocation(revocationCheck.join()) : report;
	}

	/**
	 * A quick check of one address: one handshake that fingerprints what it serves, and
	 * one retry when the first could not reach the server's TLS (a refusal, a reset, a
	 * STARTTLS dialogue cut short), but not after a timeout: an address that let the
	 * handshake time out has already had its whole time, and a second wait would only
	 * hold a scan thread as long again (a tarpit). Nothing else is asked of the address.
	 * The chain it saw is checked for revocation (with its staples), as the full probe
	 * checks it: that asks the CA, not the address, so a certificate revoked since the
	 * last full probe is found at the next quick check.
	 * @param target the address, port, names and how TLS starts
	 * @param options timeouts, trust anchors and clock
	 * @return the handshake, its fingerprint and the chain's revocation status
	 */
	public QuickCheck quickCheck(ProbeTarget target, ProbeOptions options) {
		long started = System.nanoTime();
		TlsProber.Fingerprinted check = this.handshakes.fingerprinted(target, options);
		int connections = 1;
		HandshakeOutcome first = check.handshake().outcome();
		if (!first.answered() && first != HandshakeOutcome.TIMEOUT) {
			check = this.handshakes.fingerprinted(target, options);
			connections++;
		}
		HandshakeObservation handshake = check.handshake();
		RevocationReport revocation = handshake.chain().isEmpty() ? new RevocationReport(List.of())
				: checkRevocation(handshake, options).join();
		return new QuickCheck(handshake, check.fingerprint(), connections,
				Duration.ofNanos(System.nanoTime() - started), revocation);
	}

	/**
	 * Check the chain's revocation on a virtual thread of its own; the checker bounds its
	 * fetches and never throws, and a bug in it is reported as unknown.
	 */
	private CompletableFuture<RevocationReport> checkRevocation(HandshakeObservation handshake, ProbeOptions options) {
		return CompletableFuture
			.supplyAsync(() -> this.revocation.check(handshake.chain(), handshake.staples(), options),
					(task) -> Thread.ofVirtual().start(task))
			.exceptionally((ex) -> new RevocationReport(Collections.nCopies(handshake.chain().size(),
					Revocation.unknown("Revocation check failed: " + ex))));
	}

	/**
	 * Whether the server cut the probe short: it cut connections after it had answered
	 * earlier ones, and the handshake it accepted at the start now ends otherwise (one
	 * more connection). A server that merely resets instead of refusing a suite accepts
	 * that handshake again, so it is not taken for a rate limit.
	 */
	private @Nullable RateLimit rateLimit(ProbeTally tally, ProbeTarget target, ProbeOptions options,
			AtomicInteger connections, HandshakeOutcome atStart) {
		if (tally.cutAfterAnswer() == 0) {
			return null;
		}
		connections.incrementAndGet();
		HandshakeObservation confirmation = this.handshakes.handshake(target, options);
		if (confirmation.outcome() == atStart) {
			return null;
		}
		int opened = Math.max(tally.opened(), connections.get());
		return new RateLimit(Math.min(opened, tally.cutAfterAnswer() + 1), opened, tally.firstCut());
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

	/**
	 * Every vulnerability verdict, in the order of {@link Vulnerability}: derived from
	 * what was found where that decides it (Heartbleed and Ticketbleed from a TLS 1.2
	 * ServerHello that did not take up the heartbeat or session_ticket extension the
	 * sweep offered); otherwise the wire checks, run at once under the cap. A
	 * vulnerability no check covers is {@link VulnerabilityStatus#NOT_TESTED}.
	 */
	private List<VulnerabilityResult> vulnerabilities(ProbeTarget target, ProbeOptions options,
			List<VersionSupport> versions, Map<TlsVersion, SuiteEnumeration> suites, @Nullable Ssl2Support ssl2,
			@Nullable FeatureReport features, FeatureAnswers known) {
		Map<Vulnerability, VulnerabilityResult> results = new EnumMap<>(Vulnerability.class);
		DerivedVulnerabilities.derive(versions, suites, ssl2, features)
			.forEach((result) -> results.put(result.vulnerability(), result));
		notTakenUp(known, known.heartbeat(), Vulnerability.HEARTBLEED, results);
		notTakenUp(known, known.sessionTicket(), Vulnerability.TICKETBLEED, results);
		Semaphore permits = new Semaphore(this.connectionsPerAddress);
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Map<Vulnerability, Future<VulnerabilityResult>> jobs = new EnumMap<>(Vulnerability.class);
			for (VulnerabilityCheck check : this.vulnerabilityChecks) {
				VulnerabilityResult derived = results.get(check.vulnerability());
				if (derived != null && derived.status() != VulnerabilityStatus.NOT_TESTED) {
					// Already decided without a connection
					continue;
				}
				jobs.put(check.vulnerability(),
						executor.submit(() -> capped(permits, () -> check.check(target, options, suites))));
			}
			jobs.forEach((vulnerability, job) -> results.put(vulnerability, await(job, vulnerability,
					(failed, error) -> VulnerabilityResult.notTested(failed, "Check failed: " + error, 0))));
		}
		for (Vulnerability vulnerability : Vulnerability.values()) {
			results.putIfAbsent(vulnerability,
					VulnerabilityResult.notTested(vulnerability, "No check for it in this probe", 0));
		}
		return List.copyOf(results.values());
	}

	/**
	 * A ServerHello that left out an extension the sweep offered decides a check that
	 * needs the extension, unless something else decided it already.
	 */
	private static void notTakenUp(FeatureAnswers known, @Nullable Observed<Boolean> answer,
			Vulnerability vulnerability, Map<Vulnerability, VulnerabilityResult> results) {
		TlsVersion version = known.version();
		if (version == null || answer == null || answer.status() != Observed.Status.OBSERVED
				|| !Boolean.FALSE.equals(answer.value())) {
			return;
		}
		VulnerabilityResult decided = results.get(vulnerability);
		if (decided == null || decided.status() == VulnerabilityStatus.NOT_TESTED) {
			results.put(vulnerability, VulnerabilityResult.notVulnerable(vulnerability,
					answer.detail() + " that answered the " + version.displayName() + " sweep, which offered it", 0));
		}
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
	 * One sweep per probed version and the SSL 2.0 probe, all under the cap. Group rounds
	 * start as soon as a sweep shows they can find something, also under the cap: TLS
	 * 1.3's at its first suite, TLS 1.2's curve round at its first ECDHE suite and its
	 * finite-field round at its first DHE suite; the ChaCha20 question of TLS 1.3 and 1.2
	 * as soon as the version's sweep has ended.
	 * @return the sweeps in the order of {@link TlsVersion#probed()}, the groups TLS 1.3
	 * first, SSL 2.0 and the ChaCha20 answers
	 */
	private Sweeping sweepAndEnumerate(ProbeTarget target, ProbeOptions options) {
		Semaphore permits = new Semaphore(this.connectionsPerAddress);
		List<TlsVersion> versions = TlsVersion.probed();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			GroupRounds rounds = new GroupRounds(executor, permits, target, options);
			Map<TlsVersion, Future<ChachaPreference>> chachaJobs = new ConcurrentHashMap<>();
			List<Future<VersionSweep>> sweepJobs = new ArrayList<>();
			for (TlsVersion version : versions) {
				sweepJobs.add(executor.submit(() -> {
					VersionSweep sweep = capped(permits, () -> this.suites.sweep(target, options, version,
							version == TlsVersion.TLS_1_2, (suite) -> rounds.chosen(version, suite)));
					rounds.swept(sweep);
					if (sweep.accepted() && GROUP_VERSIONS.contains(version)) {
						chachaJobs.put(version, executor
							.submit(() -> capped(permits, () -> this.chacha.probe(target, options, sweep.suites()))));
					}
					return sweep;
				}));
			}
			Future<Ssl2Support> ssl2Job = executor
				.submit(() -> capped(permits, () -> this.ssl2.probe(target, options)));
			List<VersionSweep> sweeps = new ArrayList<>();
			for (int i = 0; i < versions.size(); i++) {
				TlsVersion version = versions.get(i);
				sweeps.add(await(sweepJobs.get(i), version, (failed, error) -> new VersionSweep(
						new VersionSupport(failed, VersionVerdict.ERROR, "Probe failed: " + error),
						new SuiteEnumeration(failed, List.of(), ServerOrder.UNKNOWN, 0, "Probe failed: " + error),
						FeatureAnswers.NONE)));
			}
			// Every sweep has ended, so every round and ChaCha20 question has been
			// started
			Map<TlsVersion, ChachaPreference> chacha = new EnumMap<>(TlsVersion.class);
			for (TlsVersion version : GROUP_VERSIONS) {
				Future<ChachaPreference> job = chachaJobs.get(version);
				if (job != null) {
					chacha.put(version, await(job, version, (failed, error) -> new ChachaPreference(failed,
							Observed.none(Observed.Status.ERROR, "Probe failed: " + error), 0)));
				}
			}
			Ssl2Support ssl2 = await(ssl2Job, "SSL 2.0",
					(key, error) -> new Ssl2Support(VersionVerdict.ERROR, List.of(), "Probe failed: " + error));
			return new Sweeping(List.copyOf(sweeps), rounds.results(sweeps), ssl2, chacha);
		}
	}

	/**
	 * What the sweeps read in clear of a TLS 1.2-or-earlier server's flight completes the
	 * handshake's observation: the chain when the handshake received none (a server the
	 * JDK cannot shake hands with), whether a client certificate was requested when the
	 * handshake did not tell.
	 */
	static final class WireFlights {

		private WireFlights() {
		}

		static HandshakeObservation complete(HandshakeObservation handshake, List<VersionSweep> sweeps,
				ProbeTarget target, ProbeOptions options) {
			CertificateFlight flight = sweeps.stream()
				.filter(VersionSweep::accepted)
				.map(VersionSweep::certificateFlight)
				.filter(Objects::nonNull)
				.max(Comparator.comparing(CertificateFlight::version))
				.orElse(null);
			if (flight == null) {
				return handshake;
			}
			HandshakeObservation completed = handshake;
			if (completed.chain().isEmpty() && !flight.chain().isEmpty()) {
				completed = Probers.withAnalysedChain(completed, flight.chain(), target.expectedName(), options);
			}
			if (completed.clientCertificateRequested() == null) {
				completed = completed.withClientCertificateRequest(flight.clientCertificateRequested(),
						flight.clientCertificateAuthorities());
			}
			return completed;
		}

	}

	/** What {@link #sweepAndEnumerate} found. */
	private record Sweeping(List<VersionSweep> sweeps, List<GroupEnumeration> groups, Ssl2Support ssl2,
			Map<TlsVersion, ChachaPreference> chacha) {
	}

	/**
	 * The group rounds of one probe, each started at most once. Groups are enumerated at
	 * the highest version that has them (as SSLyze does): TLS 1.3's round offers every
	 * group; TLS 1.2's elliptic curves are those TLS 1.3 accepts (an inference: the same
	 * group offered with TLS 1.2 is not asked again) plus what a curve round over the
	 * curves TLS 1.3 did not show finds, usually one refused ClientHello. Without TLS
	 * 1.3, or when its round is incomplete, TLS 1.2's curve round offers every curve. TLS
	 * 1.2's finite-field round is always its own, since a server's DHE suites may use a
	 * prime of their own.
	 */
	private final class GroupRounds {

		// Suites that stand for their key exchange when a sweep could not list its own
		private static final CipherSuite ANY_ECDHE = CipherSuites.byName("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
			.orElseThrow();

		private static final CipherSuite ANY_DHE = CipherSuites.byName("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")
			.orElseThrow();

		private final ExecutorService executor;

		private final Semaphore permits;

		private final ProbeTarget target;

		private final ProbeOptions options;

		private final Map<Round, Future<GroupEnumeration>> started = new ConcurrentHashMap<>();

		// The ECDHE suite that made TLS 1.2's curve round worth asking, null until one
		// did
		private @Nullable CipherSuite curveSuite;

		// Whether the TLS 1.3 sweep refused the version, null until it ended
		private @Nullable Boolean tls13Refused;

		// Curves inferred from TLS 1.3's round, set when the curve round offers the rest
		private List<KeyExchangeGroup> inferredCurves = List.of();

		GroupRounds(ExecutorService executor, Semaphore permits, ProbeTarget target, ProbeOptions options) {
			this.executor = executor;
			this.permits = permits;
			this.target = target;
			this.options = options;
		}

		/** A sweep's server chose a suite: start the round it makes worth asking. */
		void chosen(TlsVersion version, CipherSuite suite) {
			if (version == TlsVersion.TLS_1_3) {
				start(Round.TLS_1_3, null);
			}
			else if (version == TlsVersion.TLS_1_2 && suite.ellipticCurveExchange()) {
				wantCurves(suite);
			}
			else if (version == TlsVersion.TLS_1_2 && suite.finiteFieldExchange()) {
				start(Round.TLS_1_2_FINITE_FIELDS, suite);
			}
		}

		/**
		 * A sweep ended: an accepted version whose suites are not all known gets every
		 * round it has not had yet; a refused TLS 1.3 lets TLS 1.2's curve round start.
		 */
		void swept(VersionSweep sweep) {
			if (sweep.support().version() == TlsVersion.TLS_1_3) {
				tls13Swept(!sweep.accepted());
			}
			if (!sweep.accepted() || sweep.suites().complete()) {
				return;
			}
			if (sweep.support().version() == TlsVersion.TLS_1_3) {
				start(Round.TLS_1_3, null);
			}
			else if (sweep.support().version() == TlsVersion.TLS_1_2) {
				wantCurves(ANY_ECDHE);
				start(Round.TLS_1_2_FINITE_FIELDS, ANY_DHE);
			}
		}

		private synchronized void wantCurves(CipherSuite suite) {
			if (this.curveSuite == null) {
				this.curveSuite = suite;
			}
			if (Boolean.TRUE.equals(this.tls13Refused)) {
				start(Round.TLS_1_2_CURVES, this.curveSuite);
			}
		}

		private synchronized void tls13Swept(boolean refused) {
			this.tls13Refused = refused;
			if (refused && this.curveSuite != null) {
				start(Round.TLS_1_2_CURVES, this.curveSuite);
			}
		}

		/**
		 * Every sweep has ended: TLS 1.2's curve round, if wanted and not started, offers
		 * the curves TLS 1.3's complete round did not show, or every curve.
		 */
		private synchronized void startCurves(@Nullable GroupEnumeration tls13) {
			CipherSuite suite = this.curveSuite;
			if (suite == null || this.started.containsKey(Round.TLS_1_2_CURVES)) {
				return;
			}
			if (tls13 == null || !tls13.complete() || tls13.accepted().isEmpty()) {
				start(Round.TLS_1_2_CURVES, suite);
				return;
			}
			List<KeyExchangeGroup> curves = tls13.accepted().stream().filter(GroupRounds::tls12Curve).toList();
			this.inferredCurves = curves;
			this.started.put(Round.TLS_1_2_CURVES,
					this.executor.submit(() -> capped(this.permits, () -> TlsEngine.this.groups.enumerate(this.target,
							this.options, TlsVersion.TLS_1_2, List.of(suite), Set.copyOf(curves)))));
		}

		/** An elliptic curve that TLS 1.3 and TLS 1.2 name alike (RFC 8422 §5.1.1). */
		private static boolean tls12Curve(KeyExchangeGroup group) {
			return group.code() >= KeyExchangeGroup.SECP256R1.code() && group.code() <= KeyExchangeGroup.X448.code()
					&& group.code() != KeyExchangeGroup.BRAINPOOLP256R1.code()
					&& group.code() != KeyExchangeGroup.BRAINPOOLP384R1.code()
					&& group.code() != KeyExchangeGroup.BRAINPOOLP512R1.code();
		}

		private void start(Round round, @Nullable CipherSuite suite) {
			this.started
				.computeIfAbsent(round, (key) -> this.executor.submit(() -> capped(this.permits, () -> (suite == null)
						? TlsEngine.this.groups.enumerate(this.target, this.options, round.version)
						: TlsEngine.this.groups.enumerate(this.target, this.options, round.version, List.of(suite)))));
		}

		/**
		 * The groups of TLS 1.3, then those of TLS 1.2 (curves, then finite fields), for
		 * each of the two that was accepted.
		 */
		List<GroupEnumeration> results(List<VersionSweep> sweeps) {
			List<GroupEnumeration> results = new ArrayList<>();
			GroupEnumeration tls13 = null;
			for (TlsVersion version : GROUP_VERSIONS) {
				boolean accepted = sweeps.stream()
					.anyMatch((sweep) -> sweep.accepted() && sweep.support().version() == version);
				if (version == TlsVersion.TLS_1_2) {
					startCurves(tls13);
				}
				if (!accepted) {
					continue;
				}
				List<GroupEnumeration> parts = new ArrayList<>();
				for (Round round : Round.values()) {
					Future<GroupEnumeration> job = this.started.get(round);
					if (round.version == version && job != null) {
						parts.add(await(job, version, (failed, error) -> new GroupEnumeration(failed, List.of(), 0,
								"Probe failed: " + error)));
					}
					if (round == Round.TLS_1_2_CURVES && version == TlsVersion.TLS_1_2 && job != null) {
						List<KeyExchangeGroup> inferred = inferredCurves();
						parts.add(parts.size() - 1, new GroupEnumeration(version, inferred, 0, null));
					}
				}
				GroupEnumeration joined = joined(version, parts);
				results.add(joined);
				if (version == TlsVersion.TLS_1_3) {
					tls13 = joined;
				}
			}
			return List.copyOf(results);
		}

		private synchronized List<KeyExchangeGroup> inferredCurves() {
			return this.inferredCurves;
		}

		/**
		 * Rounds of one version as one enumeration: none at all means no group to show.
		 */
		private static GroupEnumeration joined(TlsVersion version, List<GroupEnumeration> parts) {
			List<KeyExchangeGroup> accepted = new ArrayList<>();
			int connections = 0;
			String incompleteReason = null;
			for (GroupEnumeration part : parts) {
				part.accepted().stream().filter((group) -> !accepted.contains(group)).forEach(accepted::add);
				connections += part.connections();
				incompleteReason = (incompleteReason != null) ? incompleteReason : part.incompleteReason();
			}
			return new GroupEnumeration(version, accepted, connections, incompleteReason);
		}

	}

	/**
	 * The rounds of group enumeration, in the order their results are listed.
	 */
	private enum Round {

		TLS_1_3(TlsVersion.TLS_1_3), TLS_1_2_CURVES(TlsVersion.TLS_1_2), TLS_1_2_FINITE_FIELDS(TlsVersion.TLS_1_2);

		private final TlsVersion version;

		Round(TlsVersion version) {
			this.version = version;
		}

	}

	private static <R> R capped(Semaphore permits, Callable<R> job) throws Exception {
		permits.acquire();
		try {
			return job.call();
		}
		finally {
			permits.release();
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

		static Grade of(HandshakeObservation handshake, List<VersionSupport> versions,
				Map<TlsVersion, SuiteEnumeration> suites, List<GroupEnumeration> groups,
				@Nullable FeatureReport features, Observed<Hsts> hsts, @Nullable Ssl2Support ssl2) {
			return of(handshake, versions, suites, groups, features, hsts, ssl2, List.of());
		}

		/**
		 * The grade, with SSL 2.0 among the accepted versions when it was seen accepted.
		 */
		static Grade of(HandshakeObservation handshake, List<VersionSupport> versions,
				Map<TlsVersion, SuiteEnumeration> suites, List<GroupEnumeration> groups,
				@Nullable FeatureReport features, Observed<Hsts> hsts, @Nullable Ssl2Support ssl2,
				List<VulnerabilityResult> vulnerabilities) {
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
			input = input.withInsecureRenegotiation(insecureRenegotiation(vulnerabilities));
			return Probers.grade(input, vulnerabilities);
		}

		/**
		 * What the client-initiated renegotiation check found, {@code null} if nothing.
		 */
		private static @Nullable Boolean insecureRenegotiation(List<VulnerabilityResult> vulnerabilities) {
			return vulnerabilities.stream()
				.filter((result) -> result.vulnerability() == Vulnerability.CLIENT_RENEGOTIATION)
				.filter((result) -> result.status() != VulnerabilityStatus.NOT_TESTED)
				.map(VulnerabilityResult::vulnerable)
				.findFirst()
				.orElse(null);
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

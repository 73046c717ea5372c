package dev.tlswatch.scan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.PolicyDecision;
import dev.tlswatch.endpoint.ScanTargetPolicy;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.Pem;
import dev.tlswatch.probe.ClientIdentity;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.QuickCheck;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.StartTls;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.TlsEngine;
import dev.tlswatch.probe.TrustStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs one scan of one endpoint: resolves its name to every address (or takes its fixed
 * connect address) and probes all of them at once, each on its own virtual thread, so
 * that one hanging address costs at most its timeouts. Each address is probed by the
 * {@link TlsEngine}, which caps the connections open to it at once. Every address is
 * checked against the {@link ScanTargetPolicy} right before it would be contacted; a
 * denied one is not contacted at all. Trusts the JDK's anchors, the global bundle and the
 * endpoint's own, and presents the endpoint's client certificate when a server asks.
 * Touches no database but to read that certificate's key from the registry.
 */
@Component
class ScanRunner {

	private static final Logger logger = LoggerFactory.getLogger(ScanRunner.class);

	private static final int MAX_ERROR_LENGTH = 500;

	private final TlsEngine engine;

	private final AddressResolver resolver;

	private final TrustBundle trustBundle;

	private final ScanSettings settings;

	private final Clock clock;

	private final ScanTargetPolicy policy;

	private final Endpoints endpoints;

	private final ProbePacer pacer;

	ScanRunner(TlsEngine engine, AddressResolver resolver, TrustBundle trustBundle, ScanSettings settings, Clock clock,
			ScanTargetPolicy policy, Endpoints endpoints, ProbePacer pacer) {
		this.pacer = pacer;
		this.policy = policy;
		this.endpoints = endpoints;
		this.engine = engine;
		this.resolver = resolver;
		this.trustBundle = trustBundle;
		this.settings = settings;
		this.clock = clock;
	}

	CompletedRun run(EndpointDetails endpoint, ScanTrigger trigger) {
		return run(endpoint, trigger, ScanKind.FULL, false);
	}

	/**
	 * Run a scan of the given kind.
	 * @param endpoint the endpoint
	 * @param trigger why it runs
	 * @param kind a quick check (one handshake per address) or the full probe
	 * @param paced whether a full probe paces its connections to each address
	 * ({@code tlswatch.scan.rate-limited-connections-per-minute})
	 * @return the finished run
	 */
	CompletedRun run(EndpointDetails endpoint, ScanTrigger trigger, ScanKind kind, boolean paced) {
		Instant startedAt = now();
		PolicyDecision hostDecision = this.policy.check(endpoint.host());
		if (hostDecision.denied()) {
			logDenied(endpoint, String.valueOf(hostDecision.reason()));
			return new CompletedRun(endpoint.id(), trigger, startedAt, now(), List.of(), null,
					List.of(new DeniedTarget(null, bounded(hostDecision.reason()))), kind);
		}
		List<InetAddress> addresses;
		try {
			addresses = addresses(endpoint);
		}
		catch (UnknownHostException ex) {
			return CompletedRun.unresolved(endpoint.id(), trigger, startedAt, now(),
					"Name does not resolve: " + bounded(ex.getMessage()), kind);
		}
		Screened screened = screen(endpoint, addresses);
		List<ProbeReport> probes = probeAll(endpoint, screened.allowed(), kind, paced);
		return new CompletedRun(endpoint.id(), trigger, startedAt, now(), probes, null, screened.denied(), kind);
	}

	/**
	 * The one place where the addresses a scan would connect to meet the policy: after
	 * resolution (or whatever else chose them), right before any connection.
	 * @param endpoint the endpoint, for the log
	 * @param addresses every address the scan would contact
	 * @return the addresses that may be contacted and those that may not, with why
	 */
	Screened screen(EndpointDetails endpoint, List<InetAddress> addresses) {
		List<InetAddress> allowed = new ArrayList<>();
		List<DeniedTarget> denied = new ArrayList<>();
		for (InetAddress address : addresses) {
			PolicyDecision decision = this.policy.checkAddress(address);
			if (decision.allowed()) {
				allowed.add(address);
			}
			else {
				logDenied(endpoint, String.valueOf(decision.reason()));
				denied.add(new DeniedTarget(address.getHostAddress(), bounded(decision.reason())));
			}
		}
		return new Screened(allowed, denied);
	}

	private static void logDenied(EndpointDetails endpoint, String reason) {
		logger.warn("Scan of endpoint {} ({}) not sent to a denied target: {}", endpoint.id(), endpoint.displayName(),
				reason);
	}

	/** The time at the database's precision, so a stored scan equals the one returned. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The fixed connect address, an IP literal that needs no lookup, or every address.
	 */
	private List<InetAddress> addresses(EndpointDetails endpoint) throws UnknownHostException {
		String connectAddress = endpoint.options().connectAddress();
		return (connectAddress != null) ? List.of(InetAddress.getByName(connectAddress)) : resolve(endpoint.host());
	}

	private List<InetAddress> resolve(String host) throws UnknownHostException {
		try {
			return BoundedLookup.resolve(this.resolver, host, this.settings.resolveTimeout(),
					this.settings.maxAddresses());
		}
		catch (BoundedLookup.LookupFailedException ex) {
			throw new UnknownHostException((ex.reason() == BoundedLookup.Reason.NO_SUCH_NAME) ? ex.getMessage()
					: host + " (" + ex.getMessage() + ")");
		}
	}

	private List<ProbeReport> probeAll(EndpointDetails endpoint, List<InetAddress> addresses, ScanKind kind,
			boolean paced) {
		ProbeOptions options = new ProbeOptions(this.settings.connectTimeout(), this.settings.handshakeTimeout(),
				trustAnchors(endpoint), this.clock, clientIdentity(endpoint))
			.withIssuerFetch(this.settings.fetchMissingIntermediates() ? this::deniedIssuerAddress : null);
		String expectedName = endpoint.effectiveName();
		StartTls startTls = TlsModes.startTls(endpoint.tlsMode(), endpoint.port());
		List<ProbeTarget> targets = addresses.stream()
			.map((address) -> ProbeTarget.forName(address, endpoint.port(), expectedName, startTls))
			.toList();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<ProbeReport>> futures = new ArrayList<>();
			for (ProbeTarget target : targets) {
				futures.add(executor.submit(() -> probe(target, options, kind, paced)));
			}
			List<ProbeReport> probes = new ArrayList<>();
			for (int i = 0; i < targets.size(); i++) {
				probes.add(await(futures.get(i), targets.get(i)));
			}
			return probes;
		}
	}

	private ProbeReport probe(ProbeTarget target, ProbeOptions options, ScanKind kind, boolean paced) {
		if (kind == ScanKind.QUICK) {
			QuickCheck check = this.engine.quickCheck(target, options);
			return new ProbeReport(target, check.handshake(), List.of(), Map.of(), List.of(), null, null,
					check.connections(), check.elapsed(), Observed.none(Observed.Status.COULD_NOT_TEST, "Quick check"),
					null, Map.of(), List.of(), check.fingerprint(), null, check.revocation());
		}
		ProbeOptions watched = paced
				? options.withWatch(this.pacer.forAddress(this.settings.rateLimitedConnectionsPerMinute())) : options;
		return this.engine.probe(target, watched);
	}

	/**
	 * The scan target policy for an address a certificate's caIssuers URL leads to: a
	 * certificate must not point the scanner at a metadata or private address.
	 */
	private @Nullable String deniedIssuerAddress(InetAddress address) {
		PolicyDecision decision = this.policy.checkAddress(address);
		return decision.denied() ? String.valueOf(decision.reason()) : null;
	}

	/** The global bundle's anchors and the endpoint's own. */
	private List<X509Certificate> trustAnchors(EndpointDetails endpoint) {
		List<X509Certificate> anchors = new ArrayList<>(this.trustBundle.anchors());
		anchors.addAll(endpoint.options().trustAnchors());
		return anchors;
	}

	private @Nullable ClientIdentity clientIdentity(EndpointDetails endpoint) {
		if (!endpoint.options().clientKeyConfigured()) {
			return null;
		}
		return this.endpoints.clientCredentials(endpoint.id())
			.map((credentials) -> new ClientIdentity(Pem.privateKey(credentials.privateKey()),
					Pem.certificates(credentials.certificateChain())))
			.orElse(null);
	}

	private static ProbeReport await(Future<ProbeReport> future, ProbeTarget target) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			// The prober reports everything the peer does; an exception is a local bug.
			return failed(target, "Probe failed: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed(target, "Scan interrupted");
		}
	}

	private static ProbeReport failed(ProbeTarget target, String error) {
		return new ProbeReport(target,
				new HandshakeObservation(target, HandshakeOutcome.ERROR, bounded(error), null, null, null, null,
						List.of(), TrustStatus.UNKNOWN, null, null),
				List.of(), Map.of(), List.of(), null, null, 0, Duration.ZERO);
	}

	static String bounded(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > MAX_ERROR_LENGTH) ? text.substring(0, MAX_ERROR_LENGTH) + "…" : text;
	}

	/**
	 * A finished run, not yet stored.
	 *
	 * @param endpointId the endpoint
	 * @param trigger why it ran
	 * @param startedAt start
	 * @param finishedAt end
	 * @param addresses one per address
	 * @param resolveError why the name did not resolve, {@code null} if it did
	 * @param denied the targets the policy refused
	 * @param kind a quick check or the full probe
	 */
	record CompletedRun(long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
			List<ProbeReport> addresses, @Nullable String resolveError, List<DeniedTarget> denied, ScanKind kind) {

		CompletedRun {
			addresses = List.copyOf(addresses);
			denied = List.copyOf(denied);
		}

		CompletedRun(long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
				List<ProbeReport> addresses, @Nullable String resolveError, List<DeniedTarget> denied) {
			this(endpointId, trigger, startedAt, finishedAt, addresses, resolveError, denied, ScanKind.FULL);
		}

		static CompletedRun unresolved(long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
				String error, ScanKind kind) {
			return new CompletedRun(endpointId, trigger, startedAt, finishedAt, List.of(), error, List.of(), kind);
		}

		static CompletedRun unresolved(long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
				String error) {
			return unresolved(endpointId, trigger, startedAt, finishedAt, error, ScanKind.FULL);
		}

	}

	/**
	 * A target the policy refused; it was not contacted.
	 *
	 * @param address the address, {@code null} when the host name itself was refused
	 * @param reason why, for users
	 */
	record DeniedTarget(@Nullable String address, String reason) {
	}

	/**
	 * The addresses of one scan after the policy looked at them.
	 *
	 * @param allowed the addresses to probe
	 * @param denied the addresses not to contact
	 */
	record Screened(List<InetAddress> allowed, List<DeniedTarget> denied) {

		Screened {
			allowed = List.copyOf(allowed);
			denied = List.copyOf(denied);
		}

	}

	/**
	 * What one address showed.
	 * @param handshake the JSSE handshake
	 * @param versions which protocol versions it accepts; empty when it did not answer
	 */

}

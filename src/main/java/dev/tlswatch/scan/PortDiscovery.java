package dev.tlswatch.scan;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.PolicyDecision;
import dev.tlswatch.endpoint.ScanTargetPolicy;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.Probers;
import dev.tlswatch.probe.TlsProber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Discovery with one JSSE handshake per port and address: the handshake's own connect
 * tells a closed port from an open one, so each port costs one connection. Every port of
 * an address runs on its own virtual thread, at most {@link #CONNECTIONS_PER_ADDRESS} of
 * them connected to one address at once. One discovery per host runs at a time, and
 * discoveries share the "scan now" limits ({@link ManualScanLimiter}).
 */
@Component
class PortDiscovery implements Discovery {

	private static final Logger logger = LoggerFactory.getLogger(PortDiscovery.class);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(4);

	static final int CONNECTIONS_PER_ADDRESS = 8;

	/** RFC 1035 §2.3.4, with room for brackets around an IPv6 literal. */
	private static final int MAX_HOST_LENGTH = 255;

	private final TlsProber prober = Probers.handshakes();

	private final AddressResolver resolver;

	private final ScanTargetPolicy policy;

	private final Endpoints endpoints;

	private final ManualScanLimiter limiter;

	private final ScanSettings settings;

	private final Clock clock;

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	PortDiscovery(AddressResolver resolver, ScanTargetPolicy policy, Endpoints endpoints, ManualScanLimiter limiter,
			ScanSettings settings, Clock clock) {
		this.resolver = resolver;
		this.policy = policy;
		this.endpoints = endpoints;
		this.limiter = limiter;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public List<Integer> ports() {
		Set<Integer> ports = new LinkedHashSet<>(PORTS);
		ports.addAll(this.settings.discoveryExtraPorts());
		return List.copyOf(ports);
	}

	@Override
	public DiscoveryReport discover(String host) {
		return discover(host, ports());
	}

	/**
	 * Discover the given ports instead of the well-known ones (tests use the ephemeral
	 * ports of their servers), each in the mode it is known for.
	 */
	DiscoveryReport discover(String host, List<Integer> ports) {
		Map<Integer, TlsMode> modes = new LinkedHashMap<>();
		ports.forEach((port) -> modes.put(port, TlsMode.AUTO.effectiveFor(port)));
		return discover(host, modes);
	}

	/**
	 * Discover the given ports, each in the given mode (tests speak STARTTLS on ephemeral
	 * ports).
	 */
	DiscoveryReport discover(String host, Map<Integer, TlsMode> ports) {
		String name = checkedName(host);
		if (!this.running.add(name)) {
			throw new ScanRateLimitedException("Host " + name + " is being discovered already; nothing was scanned.",
					HANDSHAKE_TIMEOUT.plus(CONNECT_TIMEOUT));
		}
		try {
			this.limiter.acquireDiscovery(name);
			Instant startedAt = now();
			List<InetAddress> addresses = screened(name, resolve(name));
			List<DiscoveredPort> results = probeAll(name, addresses, ports);
			return new DiscoveryReport(name, addresses.stream().map(InetAddress::getHostAddress).toList(), results,
					startedAt, now());
		}
		finally {
			this.running.remove(name);
		}
	}

	/** The host as a probe names it, after the policy judged the name itself. */
	private String checkedName(String host) {
		String trimmed = host.strip();
		if (trimmed.isEmpty()) {
			throw new InvalidDiscoveryTargetException("must not be empty");
		}
		if (trimmed.length() > MAX_HOST_LENGTH) {
			throw new InvalidDiscoveryTargetException("must be at most " + MAX_HOST_LENGTH + " characters");
		}
		PolicyDecision decision = this.policy.check(trimmed);
		if (decision.denied()) {
			throw new InvalidDiscoveryTargetException(denied(decision));
		}
		String name = trimmed.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	private List<InetAddress> resolve(String name) {
		try {
			return BoundedLookup.resolve(this.resolver, name, this.settings.resolveTimeout(),
					this.settings.maxAddresses());
		}
		catch (BoundedLookup.LookupFailedException ex) {
			throw new InvalidDiscoveryTargetException(switch (ex.reason()) {
				case NO_SUCH_NAME -> "does not resolve (no such name)";
				case TIMED_OUT ->
					"does not resolve (lookup timed out after " + this.settings.resolveTimeout().toSeconds() + " s)";
				case FAILED -> "does not resolve (lookup failed)";
				case INTERRUPTED -> "was not resolved (interrupted)";
			});
		}
	}

	/**
	 * Every address must be allowed: discovery refuses a host rather than a part of it.
	 */
	private List<InetAddress> screened(String name, List<InetAddress> addresses) {
		for (InetAddress address : addresses) {
			PolicyDecision decision = this.policy.checkAddress(address);
			if (decision.denied()) {
				logger.warn("Discovery of {} not sent to a denied target: {}", name, decision.reason());
				throw new InvalidDiscoveryTargetException("resolves to a denied target: " + denied(decision));
			}
		}
		return addresses;
	}

	private static String denied(PolicyDecision decision) {
		return ScanRunner.bounded(decision.reason()) + "; nothing was contacted";
	}

	private List<DiscoveredPort> probeAll(String name, List<InetAddress> addresses, Map<Integer, TlsMode> ports) {
		ProbeOptions options = new ProbeOptions(CONNECT_TIMEOUT, HANDSHAKE_TIMEOUT, List.of(), this.clock);
		Map<Integer, Long> registered = registeredPorts(name);
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<DiscoveredPort>> futures = new ArrayList<>();
			for (InetAddress address : addresses) {
				Semaphore connections = new Semaphore(CONNECTIONS_PER_ADDRESS);
				for (Map.Entry<Integer, TlsMode> port : ports.entrySet()) {
					ProbeTarget target = ProbeTarget.forName(address, port.getKey(), name,
							TlsModes.startTls(port.getValue(), port.getKey()));
					Long registeredId = registered.get(port.getKey());
					futures
						.add(executor.submit(() -> probe(target, port.getValue(), options, connections, registeredId)));
				}
			}
			List<DiscoveredPort> results = new ArrayList<>();
			for (Future<DiscoveredPort> future : futures) {
				results.add(await(future));
			}
			return results;
		}
	}

	private Map<Integer, Long> registeredPorts(String name) {
		Map<Integer, Long> byPort = new HashMap<>();
		for (EndpointDetails endpoint : this.endpoints.findByHost(name)) {
			byPort.putIfAbsent(endpoint.port(), endpoint.id());
		}
		return byPort;
	}

	private DiscoveredPort probe(ProbeTarget target, TlsMode mode, ProbeOptions options, Semaphore connections,
			@Nullable Long registeredId) throws InterruptedException {
		connections.acquire();
		try {
			return result(this.prober.handshake(target, options), mode.effectiveFor(target.port()), registeredId);
		}
		finally {
			connections.release();
		}
	}

	static DiscoveredPort result(HandshakeObservation observation, TlsMode mode, @Nullable Long registeredId) {
		ProbeTarget target = observation.target();
		String address = target.address().getHostAddress();
		boolean connected = observation.connectTime() != null;
		String detail = (observation.error() != null) ? ScanRunner.bounded(observation.error()) : null;
		if (observation.outcome() == HandshakeOutcome.OK || !observation.chain().isEmpty()) {
			CertificateInfo leaf = observation.chain().isEmpty() ? null : observation.chain().get(0);
			return new DiscoveredPort(address, target.port(), PortState.TLS, mode, observation.protocol(),
					(leaf != null) ? leaf.subject() : null, (leaf != null) ? leaf.notAfter() : null, detail,
					registeredId);
		}
		PortState state = connected ? PortState.OPEN_NO_TLS
				: (observation.outcome() == HandshakeOutcome.TIMEOUT) ? PortState.TIMED_OUT : PortState.CLOSED;
		return new DiscoveredPort(address, target.port(), state, mode, null, null, null, detail, registeredId);
	}

	private static DiscoveredPort await(Future<DiscoveredPort> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			// The prober reports everything the peer does; an exception is a local bug.
			throw new IllegalStateException("Discovery failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Discovery interrupted", ex);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}

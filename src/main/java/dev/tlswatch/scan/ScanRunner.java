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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.Pem;
import dev.tlswatch.probe.ClientIdentity;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.StartTls;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.TlsEngine;
import dev.tlswatch.probe.TrustStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Runs one scan of one endpoint: resolves its name to every address (or takes its fixed
 * connect address) and probes all of them at once, each on its own virtual thread, so
 * that one hanging address costs at most its timeouts. Each address is probed by the
 * {@link TlsEngine}, which caps the connections open to it at once. Trusts the JDK's
 * anchors, the global bundle and the endpoint's own, and presents the endpoint's client
 * certificate when a server asks. Touches no database but to read that certificate's key
 * from the registry.
 */
@Component
class ScanRunner {

	private static final int MAX_ERROR_LENGTH = 500;

	private final TlsEngine engine;

	private final AddressResolver resolver;

	private final TrustBundle trustBundle;

	private final ScanSettings settings;

	private final Clock clock;

	private final Endpoints endpoints;

	ScanRunner(TlsEngine engine, AddressResolver resolver, TrustBundle trustBundle, ScanSettings settings, Clock clock,
			Endpoints endpoints) {
		this.endpoints = endpoints;
		this.engine = engine;
		this.resolver = resolver;
		this.trustBundle = trustBundle;
		this.settings = settings;
		this.clock = clock;
	}

	CompletedRun run(EndpointDetails endpoint, ScanTrigger trigger) {
		Instant startedAt = now();
		List<InetAddress> addresses;
		try {
			addresses = addresses(endpoint);
		}
		catch (UnknownHostException ex) {
			return CompletedRun.unresolved(endpoint.id(), trigger, startedAt, now(),
					"Name does not resolve: " + bounded(ex.getMessage()));
		}
		List<ProbeReport> probes = probeAll(endpoint, addresses);
		return new CompletedRun(endpoint.id(), trigger, startedAt, now(), probes, null);
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
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<List<InetAddress>> lookup = executor.submit(() -> this.resolver.resolve(host));
			try {
				List<InetAddress> all = lookup.get(this.settings.resolveTimeout().toMillis(), TimeUnit.MILLISECONDS);
				return all.stream().distinct().limit(this.settings.maxAddresses()).toList();
			}
			catch (TimeoutException ex) {
				lookup.cancel(true);
				throw new UnknownHostException(
						host + " (lookup timed out after " + this.settings.resolveTimeout() + ")");
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof UnknownHostException unknown) {
					throw unknown;
				}
				throw new UnknownHostException(host + " (" + ex.getCause() + ")");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new UnknownHostException(host + " (interrupted)");
			}
		}
	}

	private List<ProbeReport> probeAll(EndpointDetails endpoint, List<InetAddress> addresses) {
		ProbeOptions options = new ProbeOptions(this.settings.connectTimeout(), this.settings.handshakeTimeout(),
				trustAnchors(endpoint), this.clock, clientIdentity(endpoint));
		String expectedName = endpoint.effectiveName();
		StartTls startTls = TlsModes.startTls(endpoint.tlsMode(), endpoint.port());
		List<ProbeTarget> targets = addresses.stream()
			.map((address) -> ProbeTarget.forName(address, endpoint.port(), expectedName, startTls))
			.toList();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<ProbeReport>> futures = new ArrayList<>();
			for (ProbeTarget target : targets) {
				futures.add(executor.submit(() -> this.engine.probe(target, options)));
			}
			List<ProbeReport> probes = new ArrayList<>();
			for (int i = 0; i < targets.size(); i++) {
				probes.add(await(futures.get(i), targets.get(i)));
			}
			return probes;
		}
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
	 */
	record CompletedRun(long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
			List<ProbeReport> addresses, @Nullable String resolveError) {

		static CompletedRun unresolved(long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
				String error) {
			return new CompletedRun(endpointId, trigger, startedAt, finishedAt, List.of(), error);
		}

	}

	/**
	 * What one address showed.
	 * @param handshake the JSSE handshake
	 * @param versions which protocol versions it accepts; empty when it did not answer
	 */

}

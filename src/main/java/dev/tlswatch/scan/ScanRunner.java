package dev.tlswatch.scan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.StartTls;
import dev.tlswatch.probe.TlsProber;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionProber;
import dev.tlswatch.probe.VersionSupport;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Runs one scan of one endpoint: resolves its name to every address and probes all of
 * them at once, each on its own virtual thread, so that one hanging address costs at most
 * its timeouts. An address gets one JSSE handshake and, if it answered at all, one
 * connection per protocol version to find which versions it accepts: six connections.
 * Touches no database.
 */
@Component
class ScanRunner {

	private static final int MAX_ERROR_LENGTH = 500;

	private final TlsProber prober;

	private final VersionProber versionProber;

	private final AddressResolver resolver;

	private final TrustBundle trustBundle;

	private final ScanSettings settings;

	private final Clock clock;

	ScanRunner(TlsProber prober, VersionProber versionProber, AddressResolver resolver, TrustBundle trustBundle,
			ScanSettings settings, Clock clock) {
		this.prober = prober;
		this.versionProber = versionProber;
		this.resolver = resolver;
		this.trustBundle = trustBundle;
		this.settings = settings;
		this.clock = clock;
	}

	CompletedRun run(EndpointDetails endpoint, ScanTrigger trigger) {
		Instant startedAt = now();
		List<InetAddress> addresses;
		try {
			addresses = resolve(endpoint.host());
		}
		catch (UnknownHostException ex) {
			return CompletedRun.unresolved(endpoint.id(), trigger, startedAt, now(),
					"Name does not resolve: " + bounded(ex.getMessage()));
		}
		List<AddressProbe> probes = probeAll(endpoint, addresses);
		return new CompletedRun(endpoint.id(), trigger, startedAt, now(), probes, null);
	}

	/** The time at the database's precision, so a stored scan equals the one returned. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
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

	private List<AddressProbe> probeAll(EndpointDetails endpoint, List<InetAddress> addresses) {
		ProbeOptions options = new ProbeOptions(this.settings.connectTimeout(), this.settings.handshakeTimeout(),
				this.trustBundle.anchors(), this.clock);
		String expectedName = endpoint.effectiveName();
		String sniName = isIpLiteral(expectedName) ? null : expectedName;
		StartTls startTls = startTls(endpoint.tlsMode().effectiveFor(endpoint.port()));
		List<ProbeTarget> targets = addresses.stream()
			.map((address) -> new ProbeTarget(address, endpoint.port(), sniName, expectedName, startTls))
			.toList();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<AddressProbe>> futures = new ArrayList<>();
			for (ProbeTarget target : targets) {
				futures.add(executor.submit(() -> probe(target, options)));
			}
			List<AddressProbe> probes = new ArrayList<>();
			for (int i = 0; i < targets.size(); i++) {
				probes.add(await(futures.get(i), targets.get(i)));
			}
			return probes;
		}
	}

	/**
	 * The probe's name for a concrete mode.
	 * @param mode what {@link TlsMode#effectiveFor(int)} returned
	 * @return how TLS starts
	 */
	static StartTls startTls(TlsMode mode) {
		return switch (mode) {
			case IMPLICIT -> StartTls.NONE;
			case STARTTLS_SMTP -> StartTls.SMTP;
			case STARTTLS_IMAP -> StartTls.IMAP;
			case STARTTLS_POP3 -> StartTls.POP3;
			case STARTTLS_FTP -> StartTls.FTP;
			case STARTTLS_LDAP -> StartTls.LDAP;
			case STARTTLS_XMPP -> StartTls.XMPP;
			case STARTTLS_POSTGRES -> StartTls.POSTGRES;
			case AUTO -> throw new IllegalArgumentException("AUTO is resolved for the port before probing");
		};
	}

	/**
	 * The handshake, then the versions, on the same thread: the version probe opens its
	 * connections only once the address has shown it answers.
	 */
	private AddressProbe probe(ProbeTarget target, ProbeOptions options) {
		HandshakeObservation handshake = this.prober.handshake(target, options);
		if (!answered(handshake.outcome())) {
			return new AddressProbe(handshake, List.of());
		}
		return new AddressProbe(handshake, this.versionProber.probe(target, options));
	}

	/**
	 * Whether the address answered the handshake at all; a refused or silent one would
	 * only refuse or time out five times more.
	 */
	static boolean answered(HandshakeOutcome outcome) {
		return switch (outcome) {
			case OK, TLS_FAILURE, ERROR -> true;
			// A refused upgrade would be refused again on every version connection.
			case CONNECTION_REFUSED, TIMEOUT, DNS_FAILURE, STARTTLS_FAILED -> false;
		};
	}

	private static AddressProbe await(Future<AddressProbe> future, ProbeTarget target) {
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

	private static AddressProbe failed(ProbeTarget target, String error) {
		return new AddressProbe(new HandshakeObservation(target, HandshakeOutcome.ERROR, bounded(error), null, null,
				null, null, List.of(), TrustStatus.UNKNOWN, null, null), List.of());
	}

	static boolean isIpLiteral(String name) {
		return name.indexOf(':') >= 0 || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
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
			List<AddressProbe> addresses, @Nullable String resolveError) {

		static CompletedRun unresolved(long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
				String error) {
			return new CompletedRun(endpointId, trigger, startedAt, finishedAt, List.of(), error);
		}

	}

	/**
	 * What one address showed.
	 *
	 * @param handshake the JSSE handshake
	 * @param versions which protocol versions it accepts; empty when it did not answer
	 */
	record AddressProbe(HandshakeObservation handshake, List<VersionSupport> versions) {

		AddressProbe {
			versions = List.copyOf(versions);
		}

	}

}

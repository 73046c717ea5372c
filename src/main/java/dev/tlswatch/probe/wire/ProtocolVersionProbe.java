package dev.tlswatch.probe.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionProber;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out which protocol versions a server accepts by offering each one alone in a
 * ClientHello of its own and reading the first answer; it never completes a handshake.
 * One connection per version, all versions at once, each on its own virtual thread. A
 * connection: TCP connect within the connect timeout, the target's STARTTLS dialogue, the
 * ClientHello, and the answer, all after the connect within the handshake timeout.
 * Stateless, hence thread-safe.
 *
 * @see VersionProber
 */
public final class ProtocolVersionProbe implements VersionProber {

	/** Characters kept of a detail text. */
	static final int MAX_DETAIL_LENGTH = 500;

	private static final Logger logger = LoggerFactory.getLogger(ProtocolVersionProbe.class);

	@Override
	public List<VersionSupport> probe(ProbeTarget target, ProbeOptions options) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(options, "options");
		List<TlsVersion> versions = TlsVersion.probed();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<VersionSupport>> attempts = new ArrayList<>();
			for (TlsVersion version : versions) {
				attempts.add(executor.submit(() -> probe(target, options, version)));
			}
			List<VersionSupport> results = new ArrayList<>();
			for (int i = 0; i < versions.size(); i++) {
				results.add(await(attempts.get(i), versions.get(i)));
			}
			return List.copyOf(results);
		}
	}

	/**
	 * Probe one version over one connection.
	 * @param target the target
	 * @param options the timeouts
	 * @param version the version to offer
	 * @return the verdict
	 */
	@Override
	public VersionSupport probe(ProbeTarget target, ProbeOptions options, TlsVersion version) {
		try {
			ServerResponse response = WireConnection.exchange(target, options, clientHello(target, version),
					ServerResponseReader::read);
			VersionSupport support = VersionVerdicts.judge(version, response);
			logger.debug("{} of {}: {} ({})", version, target, support.verdict(), support.detail());
			return support;
		}
		catch (WireConnection.Failure ex) {
			logger.debug("{} of {} not tested: {}", version, target, ex.getMessage());
			return result(version, ex.timedOut() ? VersionVerdict.TIMEOUT : VersionVerdict.ERROR,
					String.valueOf(ex.getMessage()));
		}
	}

	private static byte[] clientHello(ProbeTarget target, TlsVersion version) {
		ClientHelloBuilder hello = ClientHelloBuilder.offering(version).serverName(WireConnection.serverName(target));
		if (version == TlsVersion.TLS_1_3) {
			hello.x25519KeyShare(X25519KeyShare.generate());
		}
		return hello.build();
	}

	private static VersionSupport await(Future<VersionSupport> attempt, TlsVersion version) {
		try {
			return attempt.get();
		}
		catch (ExecutionException ex) {
			// Everything the peer does is a verdict; an exception here is a local bug
			logger.warn("Probing {} failed", version, ex.getCause());
			return result(version, VersionVerdict.ERROR, "Probe failed: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return result(version, VersionVerdict.ERROR, "Interrupted");
		}
	}

	private static VersionSupport result(TlsVersion version, VersionVerdict verdict, String detail) {
		return new VersionSupport(version, verdict, bounded(detail));
	}

	/**
	 * A detail text cut to {@value #MAX_DETAIL_LENGTH} characters.
	 * @param detail the text, possibly {@code null}
	 * @return the text, cut if longer
	 */
	static @Nullable String bounded(@Nullable String detail) {
		return (detail == null || detail.length() <= MAX_DETAIL_LENGTH) ? detail
				: detail.substring(0, MAX_DETAIL_LENGTH);
	}

}

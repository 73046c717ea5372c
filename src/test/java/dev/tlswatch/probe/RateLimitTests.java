package dev.tlswatch.probe;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.tlswatch.support.RateLimitingFront;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTlsServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that starts resetting connections part way through a full probe: the probe
 * says it was rate limited and reports nothing as refused that the limit cut short; a
 * paced probe waits its turn for every connection.
 */
class RateLimitTests {

	private static final Issued CA = TestCertificates.rootCa("Rate Limit Test Root");

	@Test
	void aServerThatResetsAfterKConnectionsIsRateLimitedAndNothingCutIsRefused() {
		Issued leaf = TestCertificates.localhost(CA);
		try (TestTlsServer server = TestTlsServer.start(leaf);
				RateLimitingFront front = RateLimitingFront.start(server.port(), 6)) {
			ProbeReport report = Probers.engine(1).probe(target(front.port()), options());

			assertThat(report.handshake().outcome()).isEqualTo(HandshakeOutcome.OK);
			RateLimit limit = report.rateLimit();
			assertThat(limit).as("%s %s %s", report.versions(), report.suites(), front.cut()).isNotNull();
			assertThat(limit.incomplete()).isPositive().isLessThanOrEqualTo(limit.connections());
			assertThat(limit.connections()).isEqualTo(report.connections());
			assertThat(limit.describe())
				.isEqualTo("rate limited: " + limit.incomplete() + " of " + limit.connections() + " probes incomplete");
			// A version whose probe was reset is not known, never refused
			assertThat(report.versions()).noneSatisfy((version) -> {
				assertThat(version.verdict()).isEqualTo(VersionVerdict.REJECTED);
				assertThat(version.detail()).startsWith("Connection reset");
			});
			// Every suite list may lack suites: what was not seen is unknown
			assertThat(report.suites().values()).allSatisfy((suites) -> assertThat(suites.complete()).isFalse());
			assertThat(report.groups()).allSatisfy((groups) -> assertThat(groups.complete()).isFalse());
			assertThat(front.cut()).isPositive();
		}
	}

	@Test
	void aServerWithoutALimitIsNotRateLimited() {
		Issued leaf = TestCertificates.localhost(CA);
		try (TestTlsServer server = TestTlsServer.start(leaf);
				RateLimitingFront front = RateLimitingFront.start(server.port(), Integer.MAX_VALUE)) {
			ProbeReport report = Probers.engine(2).probe(target(front.port()), options());

			assertThat(report.rateLimit()).isNull();
			assertThat(report.suites().get(TlsVersion.TLS_1_3).complete()).isTrue();
			assertThat(front.cut()).isZero();
		}
	}

	@Test
	void aPacedProbeWaitsItsTurnForEveryConnection() {
		Issued leaf = TestCertificates.localhost(CA);
		FakeTime time = new FakeTime();
		ConnectionPacing pacing = new ConnectionPacing(6, time::nanos, time::sleep);
		AtomicInteger connects = new AtomicInteger();
		ConnectionWatch counting = new ConnectionWatch() {

			@Override
			public void beforeConnect() throws InterruptedException {
				connects.incrementAndGet();
				pacing.beforeConnect();
			}

		};
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			ProbeReport report = Probers.engine(4).probe(target(server.port()), options().withWatch(counting));

			assertThat(report.rateLimit()).isNull();
			assertThat(connects.get()).isEqualTo(report.connections()).isEqualTo(server.acceptedConnections());
			// Six a minute: one every ten seconds, the first at once
			assertThat(time.slots()).hasSize(report.connections());
			List<Long> slots = new ArrayList<>(time.slots());
			Collections.sort(slots);
			for (int i = 0; i < slots.size(); i++) {
				assertThat(slots.get(i)).isEqualTo(Duration.ofSeconds(10 * i).toNanos());
			}
		}
	}

	@Test
	void pacingSpacesConnectsEvenlyAndLetsALateOneGoAtOnce() throws InterruptedException {
		FakeTime time = new FakeTime();
		ConnectionPacing pacing = new ConnectionPacing(12, time::nanos, time::sleep);

		pacing.beforeConnect();
		pacing.beforeConnect();
		pacing.beforeConnect();
		time.advance(Duration.ofMinutes(1));
		pacing.beforeConnect();

		assertThat(pacing.interval()).isEqualTo(Duration.ofSeconds(5));
		assertThat(time.slept()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
	}

	private static ProbeTarget target(int port) {
		return new ProbeTarget(InetAddress.getLoopbackAddress(), port, "localhost", "localhost");
	}

	private static ProbeOptions options() {
		return new ProbeOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), List.of(CA.certificate()),
				Clock.systemUTC());
	}

	/**
	 * Time that passes only when someone sleeps: each connect's slot is the time when its
	 * wait ends. Sleeps of concurrent connects never move time backwards.
	 */
	private static final class FakeTime {

		private final AtomicLong now = new AtomicLong();

		private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

		private final List<Long> slots = Collections.synchronizedList(new ArrayList<>());

		private final ThreadLocal<Long> reservedAt = new ThreadLocal<>();

		long nanos() {
			long at = this.now.get();
			this.reservedAt.set(at);
			this.slots.add(at);
			return at;
		}

		void sleep(Duration duration) {
			this.slept.add(duration);
			Long from = this.reservedAt.get();
			long start = (from != null) ? from : this.now.get();
			long wakeAt = start + duration.toNanos();
			// The slot is when the wait ends, not when it started
			this.slots.remove(Long.valueOf(start));
			this.slots.add(wakeAt);
			this.now.accumulateAndGet(wakeAt, Math::max);
		}

		void advance(Duration duration) {
			this.now.addAndGet(duration.toNanos());
		}

		List<Duration> slept() {
			return this.slept;
		}

		List<Long> slots() {
			return this.slots;
		}

	}

}

package dev.tlswatch.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.scan.ScanTimeline.Change;
import dev.tlswatch.scan.ScanTimeline.Kind;
import dev.tlswatch.scan.ScanTimeline.Point;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Change detection between consecutive scans, on hand-built scans.
 */
class ScanTimelinesTests {

	private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

	private static final String SHA_OLD = "aa".repeat(32);

	private static final String SHA_NEW = "bb".repeat(32);

	@Test
	void firstScanHasNoPredecessorSoNoChanges() {
		ScanTimeline timeline = ScanTimelines.of(List.of(scan(1, 0, address("192.0.2.1").build())));

		assertThat(timeline.changes()).isEmpty();
		assertThat(timeline.points()).hasSize(1);
	}

	@Test
	void identicalScansChangeNothing() {
		ScanTimeline timeline = ScanTimelines.of(newestFirst(scan(1, 0, address("192.0.2.1").build()),
				scan(2, 1, address("192.0.2.1").handshake(90).build())));

		assertThat(timeline.changes()).isEmpty();
		assertThat(timeline.points()).hasSize(2);
	}

	@Test
	void newLeafCertificateIsAChangeWithBothFingerprintsAndTheNewSubject() {
		ScanTimeline timeline = ScanTimelines.of(newestFirst(scan(1, 0, address("192.0.2.1").build()),
				scan(2, 1, address("192.0.2.1").leaf(SHA_NEW, "CN=renewed.example").build())));

		assertThat(timeline.changes()).singleElement()
			.satisfies((change) -> assertThat(change).isEqualTo(
					new Change(2, at(2, 1), Kind.CERTIFICATE_CHANGED, null, SHA_OLD, SHA_NEW, "CN=renewed.example")));
	}

	@Test
	void versionsAcceptedAndRefusedAreChangesPerAddress() {
		ScanDetails older = scan(1, 0,
				address("192.0.2.1").version(TlsVersion.TLS_1_0, VersionVerdict.ACCEPTED)
					.version(TlsVersion.TLS_1_3, VersionVerdict.REJECTED)
					.build());
		ScanDetails newer = scan(2, 1,
				address("192.0.2.1").version(TlsVersion.TLS_1_0, VersionVerdict.REJECTED)
					.version(TlsVersion.TLS_1_3, VersionVerdict.ACCEPTED)
					.build());

		assertThat(ScanTimelines.of(newestFirst(older, newer)).changes())
			.extracting(Change::kind, Change::address, Change::before, Change::after)
			.containsExactlyInAnyOrder(tuple(Kind.VERSION_REMOVED, "192.0.2.1", "TLS 1.0", null),
					tuple(Kind.VERSION_ADDED, "192.0.2.1", null, "TLS 1.3"));
	}

	@Test
	void aVersionThatCouldNotBeTestedIsNeitherAddedNorRemoved() {
		ScanDetails older = scan(1, 0,
				address("192.0.2.1").version(TlsVersion.TLS_1_0, VersionVerdict.ACCEPTED).build());
		ScanDetails timedOut = scan(2, 1,
				address("192.0.2.1").version(TlsVersion.TLS_1_0, VersionVerdict.TIMEOUT).build());

		assertThat(ScanTimelines.of(newestFirst(older, timedOut)).changes()).isEmpty();
	}

	@Test
	void suitesAddedAndRemovedAreChangesOfTheirVersion() {
		ScanDetails older = scan(1, 0,
				address("192.0.2.1")
					.suites(TlsVersion.TLS_1_2, true, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
							"TLS_RSA_WITH_3DES_EDE_CBC_SHA")
					.build());
		ScanDetails newer = scan(2, 1,
				address("192.0.2.1")
					.suites(TlsVersion.TLS_1_2, true, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
							"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")
					.build());

		assertThat(ScanTimelines.of(newestFirst(older, newer)).changes())
			.extracting(Change::kind, Change::before, Change::after, Change::detail)
			.containsExactlyInAnyOrder(
					tuple(Kind.SUITE_ADDED, null, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS 1.2"),
					tuple(Kind.SUITE_REMOVED, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", null, "TLS 1.2"));
	}

	@Test
	void suitesOfAnIncompleteEnumerationDoNotCompare() {
		ScanDetails older = scan(1, 0, address("192.0.2.1").suites(TlsVersion.TLS_1_2, true, "A", "B").build());
		ScanDetails newer = scan(2, 1, address("192.0.2.1").suites(TlsVersion.TLS_1_2, false, "A").build());

		assertThat(ScanTimelines.of(newestFirst(older, newer)).changes()).isEmpty();
	}

	@Test
	void gradeChangeComparesTheWorstGradeOverAddresses() {
		ScanDetails older = scan(1, 0, address("192.0.2.1").grade(GradeLetter.A).build(),
				address("192.0.2.2").grade(GradeLetter.A_PLUS).build());
		ScanDetails newer = scan(2, 1, address("192.0.2.1").grade(GradeLetter.A).build(),
				address("192.0.2.2").grade(GradeLetter.T).build());

		assertThat(ScanTimelines.of(newestFirst(older, newer)).changes())
			.extracting(Change::kind, Change::before, Change::after)
			.containsExactly(tuple(Kind.GRADE_CHANGED, "A", "T"));
	}

	@Test
	void outageStartsAndEndsAndAChangeAcrossItIsStillSeen() {
		ScanDetails up = scan(1, 0, address("192.0.2.1").build());
		ScanDetails down = scan(2, 1, refused("192.0.2.1", "Connection refused"));
		ScanDetails stillDown = scan(3, 2, refused("192.0.2.1", "Connection refused"));
		ScanDetails back = scan(4, 3, address("192.0.2.1").leaf(SHA_NEW, "CN=new").build());

		List<Change> changes = ScanTimelines.of(newestFirst(up, down, stillDown, back)).changes();

		assertThat(changes).extracting(Change::scanId, Change::kind)
			.containsExactly(tuple(4L, Kind.OUTAGE_ENDED), tuple(4L, Kind.CERTIFICATE_CHANGED),
					tuple(2L, Kind.OUTAGE_STARTED));
		assertThat(changes.get(2)).extracting(Change::before, Change::after, Change::detail)
			.containsExactly("OK", "CONNECTION_REFUSED", "Connection refused");
	}

	@Test
	void addressSetChangeIsOneChangeWithBothSets() {
		ScanDetails older = scan(1, 0, address("192.0.2.1").build(), address("192.0.2.2").build());
		ScanDetails newer = scan(2, 1, address("192.0.2.3").build(), address("192.0.2.1").build());

		assertThat(ScanTimelines.of(newestFirst(older, newer)).changes())
			.extracting(Change::kind, Change::before, Change::after)
			.containsExactly(tuple(Kind.ADDRESSES_CHANGED, "192.0.2.1, 192.0.2.2", "192.0.2.1, 192.0.2.3"));
	}

	@Test
	void pointsAreOldestFirstWithHeadlineHandshakeAndDaysLeftAtScanTime() {
		ScanDetails older = scan(1, 0, address("192.0.2.1").handshake(40).build());
		ScanDetails down = scan(2, 1, refused("192.0.2.1", "refused"));
		ScanDetails expired = scan(3, 40, refused("192.0.2.9", "refused"), address("192.0.2.1").handshake(55).build());

		List<Point> points = ScanTimelines.of(newestFirst(older, down, expired)).points();

		// The leaf expires 30 days after T0; scan 3 finished 40 days after T0.
		assertThat(points).extracting(Point::scanId, Point::handshakeMillis, Point::daysLeft)
			.containsExactly(tuple(1L, 40, 29L), tuple(2L, null, null), tuple(3L, 55, -11L));
	}

	@Test
	void changesAreBoundedNewestKept() {
		List<ScanDetails> scans = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			scans.add(scan(i + 1, i,
					address("192.0.2.1").suites(TlsVersion.TLS_1_2, true, "A" + (i % 2), "B" + (i % 2), "C" + (i % 2))
						.build()));
		}

		List<Change> changes = ScanTimelines.of(newestFirst(scans.toArray(ScanDetails[]::new))).changes();

		assertThat(changes).hasSize(ScanTimelines.MAX_CHANGES);
		assertThat(changes.get(0).scanId()).isEqualTo(60);
	}

	private static List<ScanDetails> newestFirst(ScanDetails... oldestFirst) {
		List<ScanDetails> list = new ArrayList<>(List.of(oldestFirst));
		java.util.Collections.reverse(list);
		return list;
	}

	private static Instant at(long id, int day) {
		return T0.plus(Duration.ofDays(day)).plusSeconds(id);
	}

	private static ScanDetails scan(long id, int day, AddressResult... results) {
		HandshakeOutcome outcome = List.of(results)
			.stream()
			.anyMatch((result) -> result.outcome() == HandshakeOutcome.OK) ? HandshakeOutcome.OK : results[0].outcome();
		Instant finished = at(id, day);
		return new ScanDetails(id, 7, ScanTrigger.SCHEDULED, finished.minusSeconds(1), finished, outcome,
				(outcome != HandshakeOutcome.OK) ? results[0].error() : null, List.of(results));
	}

	private static AddressResult refused(String address, String error) {
		return new AddressResult(address, HandshakeOutcome.CONNECTION_REFUSED, error, null, null, null, null,
				TrustStatus.UNKNOWN, null, null, List.of());
	}

	private static Builder address(String address) {
		return new Builder(address);
	}

	/** An address that answered, with what the test sets. */
	private static final class Builder {

		private final String address;

		private String sha256 = SHA_OLD;

		private String subject = "CN=example.com";

		private int handshake = 42;

		private final List<VersionSupport> versions = new ArrayList<>();

		private final List<CipherSupport.VersionSuites> suites = new ArrayList<>();

		private @Nullable GradeDetails grade;

		Builder(String address) {
			this.address = address;
		}

		Builder leaf(String sha256, String subject) {
			this.sha256 = sha256;
			this.subject = subject;
			return this;
		}

		Builder handshake(int millis) {
			this.handshake = millis;
			return this;
		}

		Builder version(TlsVersion version, VersionVerdict outcome) {
			this.versions.add(new VersionSupport(version, outcome, null));
			return this;
		}

		Builder suites(TlsVersion version, boolean complete, String... names) {
			this.suites.add(new CipherSupport.VersionSuites(version, ServerOrder.SERVER,
					List.of(names)
						.stream()
						.map((name) -> new CipherSupport.Suite(name, CipherStrength.STRONG))
						.toList(),
					complete));
			return this;
		}

		Builder grade(GradeLetter letter) {
			this.grade = new GradeDetails(letter, letter, 90, List.of());
			return this;
		}

		AddressResult build() {
			CertificateInfo leaf = new CertificateInfo(this.sha256, this.subject, "CN=CA", "01",
					List.of("DNS:example.com"), T0.minus(Duration.ofDays(60)), T0.plus(Duration.ofDays(30)), "RSA",
					2048, "SHA256withRSA", false, "");
			CipherSupport support = this.suites.isEmpty() ? null : new CipherSupport(this.suites, List.of(), null);
			return new AddressResult(this.address, HandshakeOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 3,
					this.handshake, TrustStatus.TRUSTED, null, true, List.of(leaf), ChainReportDetails.NONE,
					this.versions, this.grade, 6, support);
		}

	}

}

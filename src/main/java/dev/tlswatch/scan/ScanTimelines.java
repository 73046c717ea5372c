package dev.tlswatch.scan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.scan.ScanTimeline.Change;
import dev.tlswatch.scan.ScanTimeline.Kind;
import dev.tlswatch.scan.ScanTimeline.Point;
import org.jspecify.annotations.Nullable;

/**
 * Compares consecutive scans of one endpoint. Pure: reads stored scans, opens nothing. An
 * outage is judged against the scan just before; what the server offers (addresses,
 * certificate, grade, versions, suites) against the last scan that completed a handshake,
 * so that an outage in between hides no change. Only facts compare: a version that could
 * not be tested is neither added nor removed, and suites compare only when both
 * enumerations finished.
 */
final class ScanTimelines {

	/** The most changes returned; the oldest are left out beyond it. */
	static final int MAX_CHANGES = 200;

	private static final List<GradeLetter> GRADE_ORDER = List.of(GradeLetter.A_PLUS, GradeLetter.A, GradeLetter.A_MINUS,
			GradeLetter.B, GradeLetter.C, GradeLetter.D, GradeLetter.E, GradeLetter.F, GradeLetter.M, GradeLetter.T);

	private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

	private ScanTimelines() {
	}

	/**
	 * The timeline of the given scans.
	 * @param newestFirst one endpoint's scans, newest first
	 * @return the changes, newest first, and one point per scan, oldest first
	 */
	static ScanTimeline of(List<ScanDetails> newestFirst) {
		List<ScanDetails> oldestFirst = new ArrayList<>(newestFirst);
		Collections.reverse(oldestFirst);
		List<Change> changes = new ArrayList<>();
		ScanDetails previous = null;
		ScanDetails lastOk = null;
		for (ScanDetails scan : oldestFirst) {
			List<Change> seen = new ArrayList<>();
			if (previous != null) {
				seen.addAll(outage(previous, scan));
			}
			if (lastOk != null && scan.outcome() == HandshakeOutcome.OK) {
				seen.addAll(between(lastOk, scan));
			}
			changes.addAll(0, seen);
			previous = scan;
			lastOk = (scan.outcome() == HandshakeOutcome.OK) ? scan : lastOk;
		}
		List<Point> points = oldestFirst.stream().map(ScanTimelines::point).toList();
		return new ScanTimeline(changes.subList(0, Math.min(changes.size(), MAX_CHANGES)), points);
	}

	/**
	 * What the server offers differently in {@code newer} than in {@code older}; both
	 * completed a handshake.
	 */
	static List<Change> between(ScanDetails older, ScanDetails newer) {
		List<Change> changes = new ArrayList<>();
		changes.addAll(addresses(older, newer));
		changes.addAll(certificate(older, newer));
		changes.addAll(grade(older, newer));
		Map<String, AddressResult> before = answeredByAddress(older);
		answeredByAddress(newer).forEach((address, result) -> {
			AddressResult old = before.get(address);
			if (old != null) {
				changes.addAll(versions(newer, address, old, result));
				changes.addAll(suites(newer, address, old, result));
			}
		});
		return changes;
	}

	static List<Change> outage(ScanDetails older, ScanDetails newer) {
		boolean wasUp = older.outcome() == HandshakeOutcome.OK;
		boolean isUp = newer.outcome() == HandshakeOutcome.OK;
		if (wasUp && !isUp) {
			return List.of(change(newer, Kind.OUTAGE_STARTED, null, older.outcome().name(), newer.outcome().name(),
					newer.error()));
		}
		if (!wasUp && isUp) {
			return List.of(change(newer, Kind.OUTAGE_ENDED, null, older.outcome().name(), newer.outcome().name(),
					older.error()));
		}
		return List.of();
	}

	private static List<Change> addresses(ScanDetails older, ScanDetails newer) {
		Set<String> before = addressSet(older);
		Set<String> after = addressSet(newer);
		if (before.isEmpty() || after.isEmpty() || before.equals(after)) {
			return List.of();
		}
		return List
			.of(change(newer, Kind.ADDRESSES_CHANGED, null, String.join(", ", before), String.join(", ", after), null));
	}

	private static List<Change> certificate(ScanDetails older, ScanDetails newer) {
		CertificateInfo before = headlineLeaf(older);
		CertificateInfo after = headlineLeaf(newer);
		if (before == null || after == null || before.sha256().equals(after.sha256())) {
			return List.of();
		}
		return List.of(change(newer, Kind.CERTIFICATE_CHANGED, null, before.sha256(), after.sha256(), after.subject()));
	}

	private static List<Change> grade(ScanDetails older, ScanDetails newer) {
		String before = worstGrade(older);
		String after = worstGrade(newer);
		if (before == null || after == null || before.equals(after)) {
			return List.of();
		}
		return List.of(change(newer, Kind.GRADE_CHANGED, null, before, after, null));
	}

	private static List<Change> versions(ScanDetails newer, String address, AddressResult old, AddressResult now) {
		Map<TlsVersion, VersionVerdict> before = versionOutcomes(old);
		List<Change> changes = new ArrayList<>();
		for (VersionSupport version : now.versions()) {
			VersionVerdict was = before.get(version.version());
			String name = version.version().displayName();
			if (was == VersionVerdict.REJECTED && version.verdict() == VersionVerdict.ACCEPTED) {
				changes.add(change(newer, Kind.VERSION_ADDED, address, null, name, null));
			}
			else if (was == VersionVerdict.ACCEPTED && version.verdict() == VersionVerdict.REJECTED) {
				changes.add(change(newer, Kind.VERSION_REMOVED, address, name, null, null));
			}
		}
		return changes;
	}

	private static List<Change> suites(ScanDetails newer, String address, AddressResult old, AddressResult now) {
		Map<TlsVersion, Set<String>> before = completeSuites(old);
		List<Change> changes = new ArrayList<>();
		completeSuites(now).forEach((version, suites) -> {
			Set<String> was = before.get(version);
			if (was == null) {
				return;
			}
			String name = version.displayName();
			suites.stream()
				.filter((suite) -> !was.contains(suite))
				.forEach((suite) -> changes.add(change(newer, Kind.SUITE_ADDED, address, null, suite, name)));
			was.stream()
				.filter((suite) -> !suites.contains(suite))
				.forEach((suite) -> changes.add(change(newer, Kind.SUITE_REMOVED, address, suite, null, name)));
		});
		return changes;
	}

	private static Point point(ScanDetails scan) {
		AddressResult headline = headline(scan);
		CertificateInfo leaf = (headline != null) ? headline.leaf() : null;
		Long daysLeft = (leaf != null)
				? Math.floorDiv(Duration.between(scan.finishedAt(), leaf.notAfter()).toSeconds(), SECONDS_PER_DAY)
				: null;
		return new Point(scan.id(), scan.finishedAt(), (headline != null) ? headline.handshakeMillis() : null,
				daysLeft);
	}

	/**
	 * The address a scan is summed up by: the first that completed a handshake with a
	 * certificate, else the first that completed one, else the first that sent a
	 * certificate.
	 */
	static @Nullable AddressResult headline(ScanDetails scan) {
		return scan.results()
			.stream()
			.min(Comparator.comparingInt(ScanTimelines::headlineRank))
			.filter((result) -> headlineRank(result) < 3)
			.orElse(null);
	}

	private static int headlineRank(AddressResult result) {
		boolean ok = result.outcome() == HandshakeOutcome.OK;
		boolean certified = !result.chain().isEmpty();
		if (ok && certified) {
			return 0;
		}
		if (ok) {
			return 1;
		}
		return certified ? 2 : 3;
	}

	private static @Nullable CertificateInfo headlineLeaf(ScanDetails scan) {
		AddressResult headline = headline(scan);
		return (headline != null) ? headline.leaf() : null;
	}

	private static @Nullable String worstGrade(ScanDetails scan) {
		return scan.results()
			.stream()
			.map(AddressResult::grade)
			.filter(Objects::nonNull)
			.map(GradeDetails::letter)
			.filter(GRADE_ORDER::contains)
			.max(Comparator.comparingInt(GRADE_ORDER::indexOf))
			.map(GradeLetter::displayName)
			.orElse(null);
	}

	private static Set<String> addressSet(ScanDetails scan) {
		return scan.results()
			.stream()
			.map(AddressResult::address)
			.filter(Objects::nonNull)
			.collect(TreeSet::new, Set::add, Set::addAll);
	}

	private static Map<String, AddressResult> answeredByAddress(ScanDetails scan) {
		Map<String, AddressResult> byAddress = new LinkedHashMap<>();
		scan.results()
			.stream()
			.filter((result) -> result.address() != null && result.outcome() == HandshakeOutcome.OK)
			.forEach((result) -> byAddress.putIfAbsent(Objects.requireNonNull(result.address()), result));
		return byAddress;
	}

	private static Map<TlsVersion, VersionVerdict> versionOutcomes(AddressResult result) {
		Map<TlsVersion, VersionVerdict> outcomes = new LinkedHashMap<>();
		result.versions().forEach((version) -> outcomes.put(version.version(), version.verdict()));
		return outcomes;
	}

	private static Map<TlsVersion, Set<String>> completeSuites(AddressResult result) {
		CipherSupport support = result.cipherSupport();
		Map<TlsVersion, Set<String>> suites = new LinkedHashMap<>();
		if (support == null) {
			return suites;
		}
		support.suites()
			.stream()
			.filter(CipherSupport.VersionSuites::complete)
			.forEach((version) -> suites.put(version.version(),
					version.accepted()
						.stream()
						.map(CipherSupport.Suite::name)
						.collect(LinkedHashSet::new, Set::add, Set::addAll)));
		return suites;
	}

	private static Change change(ScanDetails scan, Kind kind, @Nullable String address, @Nullable String before,
			@Nullable String after, @Nullable String detail) {
		return new Change(scan.id(), scan.finishedAt(), kind, address, before, after, detail);
	}

}

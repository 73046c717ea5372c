package dev.tlswatch.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.scan.ScanTimeline;
import dev.tlswatch.scan.ScanTimeline.Change;
import dev.tlswatch.scan.ScanTimeline.Point;
import org.jspecify.annotations.Nullable;

/**
 * The endpoint page's "What changed" card and its chart of handshake time and days left
 * per scan, in words and numbers ready for the template. Every text that came from a
 * server is put in by {@code th:text}, so escaped.
 *
 * @param changes what changed, newest first
 * @param points one row per scan charted, oldest first
 * @param chartLabels the scans' times, comma-separated, for {@code data-labels}
 * @param chartHandshake handshake milliseconds per scan, comma-separated, empty where
 * none, for {@code data-handshake}
 * @param chartDaysLeft days left per scan, comma-separated, empty where none, for
 * {@code data-days}
 */
record TimelineView(List<ChangeRow> changes, List<PointRow> points, String chartLabels, String chartHandshake,
		String chartDaysLeft) {

	TimelineView {
		changes = List.copyOf(changes);
		points = List.copyOf(points);
	}

	static TimelineView of(ScanTimeline timeline) {
		List<PointRow> points = timeline.points().stream().map(PointRow::of).toList();
		return new TimelineView(timeline.changes().stream().map(ChangeRow::of).toList(), points,
				join(points, (point) -> point.at().text()), join(points, PointRow::handshakeMillis),
				join(points, PointRow::daysLeft));
	}

	/** Whether there is anything to chart: at least two scans. */
	public boolean chartable() {
		return this.points.size() > 1;
	}

	private static String join(List<PointRow> points, Function<PointRow, @Nullable Object> value) {
		return String.join(",", points.stream().map(value).map((v) -> Objects.toString(v, "")).toList());
	}

	/**
	 * One change in words.
	 *
	 * @param at when the scan that saw it finished
	 * @param label the kind, for example "Certificate changed"
	 * @param tone the badge tone: {@code critical} for an outage or a lost version,
	 * {@code ok} for a recovery, {@code neutral} otherwise
	 * @param address the address concerned, {@code null} for the whole endpoint
	 * @param text what changed, for example "TLS 1.0 accepted again"
	 */
	record ChangeRow(Timestamp at, String label, String tone, @Nullable String address, String text) {

		static ChangeRow of(Change change) {
			return new ChangeRow(Timestamp.of(change.at()), label(change.kind()), tone(change), change.address(),
					text(change));
		}

		public String cssClass() {
			return "badge badge--" + this.tone;
		}

		private static String label(ScanTimeline.Kind kind) {
			return switch (kind) {
				case OUTAGE_STARTED -> "Outage";
				case OUTAGE_ENDED -> "Reachable again";
				case ADDRESSES_CHANGED -> "Addresses changed";
				case CERTIFICATE_CHANGED -> "New certificate";
				case GRADE_CHANGED -> "Grade changed";
				case VERSION_ADDED -> "Version accepted";
				case VERSION_REMOVED -> "Version refused";
				case SUITE_ADDED -> "Suite accepted";
				case SUITE_REMOVED -> "Suite refused";
			};
		}

		private static String tone(Change change) {
			return switch (change.kind()) {
				case OUTAGE_STARTED -> "critical";
				case OUTAGE_ENDED -> "ok";
				case VERSION_ADDED -> deprecated(change.after()) ? "warning" : "neutral";
				default -> "neutral";
			};
		}

		private static boolean deprecated(@Nullable String versionName) {
			for (TlsVersion version : TlsVersion.values()) {
				if (version.displayName().equals(versionName)) {
					return version.deprecated();
				}
			}
			return false;
		}

		private static String text(Change change) {
			return switch (change.kind()) {
				case OUTAGE_STARTED -> outcome(change.after()) + words(change.detail(), ": ");
				case OUTAGE_ENDED ->
					"A handshake completed again after " + outcome(change.before()).toLowerCase(Locale.ROOT);
				case ADDRESSES_CHANGED -> change.before() + " → " + change.after();
				case CERTIFICATE_CHANGED ->
					short256(change.before()) + " → " + short256(change.after()) + words(change.detail(), ", ");
				case GRADE_CHANGED -> change.before() + " → " + change.after();
				case VERSION_ADDED -> change.after() + " now accepted";
				case VERSION_REMOVED -> change.before() + " no longer accepted";
				case SUITE_ADDED -> change.after() + words(change.detail(), " with ") + " now accepted";
				case SUITE_REMOVED -> change.before() + words(change.detail(), " with ") + " no longer accepted";
			};
		}

		private static String outcome(@Nullable String outcome) {
			if (outcome == null) {
				return "Failed";
			}
			try {
				return StatusBadge.of(HandshakeOutcome.valueOf(outcome)).label();
			}
			catch (IllegalArgumentException ex) {
				// Stored by a newer version: show the name as it is.
				return outcome;
			}
		}

		private static String short256(@Nullable String sha256) {
			return (sha256 != null) ? EndpointPageView.shortFingerprint(sha256) : "—";
		}

		private static String words(@Nullable String text, String separator) {
			return (text != null && !text.isBlank()) ? separator + text : "";
		}

	}

	/**
	 * The charted numbers of one scan.
	 *
	 * @param at when it finished
	 * @param handshakeMillis handshake time of its headline address, {@code null} without
	 * handshake
	 * @param daysLeft days its leaf had left, {@code null} without certificate
	 */
	record PointRow(Timestamp at, @Nullable Integer handshakeMillis, @Nullable Long daysLeft) {

		static PointRow of(Point point) {
			return new PointRow(Timestamp.of(point.at()), point.handshakeMillis(), point.daysLeft());
		}

	}

}

package dev.tlswatch.scan;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What changed between an endpoint's consecutive scans, and the numbers worth charting
 * per scan.
 *
 * @param changes the changes, newest first
 * @param points one point per scan, oldest first
 */
public record ScanTimeline(List<Change> changes, List<Point> points) {

	/** No scans, nothing changed. */
	public static final ScanTimeline EMPTY = new ScanTimeline(List.of(), List.of());

	public ScanTimeline {
		changes = List.copyOf(changes);
		points = List.copyOf(points);
	}

	/**
	 * The kind of a change.
	 */
	public enum Kind {

		/** The scan failed where the one before completed a handshake. */
		OUTAGE_STARTED,

		/** The scan completed a handshake where the one before failed. */
		OUTAGE_ENDED,

		/** The name resolved to a different set of addresses. */
		ADDRESSES_CHANGED,

		/** The leaf certificate of the headline address is a different one. */
		CERTIFICATE_CHANGED,

		/** The worst grade over the addresses changed. */
		GRADE_CHANGED,

		/** An address accepts a protocol version it refused before. */
		VERSION_ADDED,

		/** An address refuses a protocol version it accepted before. */
		VERSION_REMOVED,

		/** An address accepts a cipher suite of a version it did not accept before. */
		SUITE_ADDED,

		/** An address no longer accepts a cipher suite of a version. */
		SUITE_REMOVED

	}

	/**
	 * One change, seen by one scan compared with the scan before it (for what a scan
	 * found on the server: the last one that completed a handshake).
	 *
	 * @param scanId the scan that saw the change
	 * @param at when that scan finished
	 * @param kind what changed
	 * @param address the address concerned, {@code null} for the whole endpoint
	 * @param before the value before ({@code TLS 1.0}, a fingerprint, a grade, an
	 * outcome), {@code null} when the kind needs none
	 * @param after the value after, {@code null} when the kind needs none
	 * @param detail more words from the server or the scan (the new leaf's subject, the
	 * error text, the suite's protocol version), {@code null} without any
	 */
	public record Change(long scanId, Instant at, Kind kind, @Nullable String address, @Nullable String before,
			@Nullable String after, @Nullable String detail) {
	}

	/**
	 * The charted numbers of one scan.
	 *
	 * @param scanId the scan
	 * @param at when it finished
	 * @param handshakeMillis the headline address's handshake time, {@code null} without
	 * handshake
	 * @param daysLeft whole days from the scan until its leaf certificate expired,
	 * negative when already expired, {@code null} without certificate
	 */
	public record Point(long scanId, Instant at, @Nullable Integer handshakeMillis, @Nullable Long daysLeft) {
	}

}

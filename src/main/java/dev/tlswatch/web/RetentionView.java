package dev.tlswatch.web;

import java.time.Duration;
import java.util.List;

import dev.tlswatch.retention.RetentionReport;
import dev.tlswatch.retention.RetentionSettings;
import dev.tlswatch.retention.RetentionStatus;
import dev.tlswatch.web.DefaultsView.Setting;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * What the settings page shows of retention: the settings with their keys, the database's
 * size and this node's last run.
 *
 * @param settings one row per setting
 * @param databaseSize the database's size on disk, human readable
 * @param lastRun what the last run on this node deleted, {@code null} when none
 * @param lastRunAt when it finished
 */
record RetentionView(List<Setting> settings, String databaseSize, @Nullable String lastRun,
		@Nullable Timestamp lastRunAt) {

	private static final String PREFIX = "tlswatch.retention.";

	static RetentionView of(RetentionStatus status) {
		RetentionSettings s = status.settings();
		List<Setting> rows = List.of(new Setting("Retention job", s.enabled() ? "on" : "off", PREFIX + "enabled"),
				new Setting("Every scan kept for", days(s.scansInFull()), PREFIX + "scans-in-full"),
				new Setting("Delivered messages kept for", days(s.deliveredOutbox()), PREFIX + "delivered-outbox"),
				new Setting("Audit events kept for", days(s.audit()), PREFIX + "audit"),
				new Setting("Runs every", s.interval().toString().substring(2).toLowerCase(java.util.Locale.ROOT),
						PREFIX + "interval"),
				new Setting("Rows per batch", Integer.toString(s.batchSize()), PREFIX + "batch-size"));
		RetentionReport last = status.lastRun();
		return new RetentionView(rows, size(status.databaseBytes()), (last != null) ? summary(last) : null,
				(last != null) ? Timestamp.of(last.finishedAt()) : null);
	}

	private static String days(Duration duration) {
		long days = duration.toDays();
		return (duration.equals(Duration.ofDays(days))) ? days + (days == 1 ? " day" : " days")
				: duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
	}

	static String size(long bytes) {
		DataSize size = DataSize.ofBytes(bytes);
		if (size.toGigabytes() >= 10) {
			return size.toGigabytes() + " GB";
		}
		if (size.toMegabytes() >= 10) {
			return size.toMegabytes() + " MB";
		}
		return size.toKilobytes() + " KB";
	}

	private static String summary(RetentionReport report) {
		return report.scans() + " scans, " + report.certificates() + " certificates, " + report.deliveries()
				+ " delivered messages and " + report.auditEvents() + " audit events deleted";
	}

}

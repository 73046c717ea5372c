package dev.tlswatch.alert;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import dev.tlswatch.finding.Severity;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Global alerting settings; endpoints and tags override disabled rules and recipients
 * (and expiry thresholds, which the finding module applies) in the database. The expiry
 * thresholds and critical span are the finding module's
 * ({@code tlswatch.finding.expiry.*}).
 *
 * @param renewalPoint the share of its lifetime after which a certificate is expected to
 * be replaced (ACME clients renew at two thirds)
 * @param disabledRules rules switched off everywhere
 * @param severities severities other than the rules' defaults
 * @param unreachableAfter consecutive unreachable scans before {@code UNREACHABLE}
 * @param massFailureShare more than this share of all endpoints failing within the window
 * raises one {@code PROBER_NETWORK} instead of {@code UNREACHABLE} per endpoint
 * @param massFailureMinimum and at least this many endpoints
 * @param massFailureWindow the window
 * @param gradeMinimum a grade below this (ignoring trust) raises {@code GRADE_DROPPED}
 * @param reminderAfter remind of alerts still open after this long, again every period;
 * {@code null} for no reminders
 * @param digestEnabled whether to send a daily digest of active alerts
 * @param digestTime when, in the server's time zone
 * @param baseUrl the dashboard's address, for links in messages
 */
@ConfigurationProperties("tlswatch.alert")
record AlertSettings(@DefaultValue("0.6667") double renewalPoint, @DefaultValue Set<AlertRule> disabledRules,
		@DefaultValue Map<AlertRule, Severity> severities, @DefaultValue("3") int unreachableAfter,
		@DefaultValue("0.5") double massFailureShare, @DefaultValue("5") int massFailureMinimum,
		@DefaultValue("5m") Duration massFailureWindow, @DefaultValue("B") String gradeMinimum,
		@Nullable Duration reminderAfter, @DefaultValue("false") boolean digestEnabled,
		@DefaultValue("08:00") LocalTime digestTime, @DefaultValue("http://localhost:8080") URI baseUrl) {

	AlertSettings {
		disabledRules = Set.copyOf(disabledRules);
		severities = Map.copyOf(severities);
		if (renewalPoint <= 0 || renewalPoint >= 1) {
			throw new IllegalArgumentException("tlswatch.alert.renewal-point must be between 0 and 1");
		}
		if (unreachableAfter < 1) {
			throw new IllegalArgumentException("tlswatch.alert.unreachable-after must be at least 1");
		}
		if (massFailureShare <= 0 || massFailureShare > 1) {
			throw new IllegalArgumentException("tlswatch.alert.mass-failure-share must be above 0 and at most 1");
		}
		if (massFailureMinimum < 1) {
			throw new IllegalArgumentException("tlswatch.alert.mass-failure-minimum must be at least 1");
		}
		if (Grades.rank(gradeMinimum) < 0) {
			throw new IllegalArgumentException("tlswatch.alert.grade-minimum must be a grade from A+ to F");
		}
		if (reminderAfter != null && reminderAfter.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("tlswatch.alert.reminder-after must be at least 1m");
		}
	}

	Severity severityOf(AlertRule rule) {
		return this.severities.getOrDefault(rule, rule.defaultSeverity());
	}

}

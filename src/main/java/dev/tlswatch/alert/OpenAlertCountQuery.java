package dev.tlswatch.alert;

import java.util.EnumMap;
import java.util.Map;

import dev.tlswatch.finding.Severity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts open alerts with the {@code alert_state_idx} index.
 */
@Component
class OpenAlertCountQuery implements OpenAlertCounts {

	private final JdbcTemplate jdbc;

	OpenAlertCountQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Severity, Long> openBySeverity() {
		Map<Severity, Long> counts = new EnumMap<>(Severity.class);
		for (Severity severity : Severity.values()) {
			counts.put(severity, 0L);
		}
		this.jdbc.query("select severity, count(*) as n from alert where state = 'OPEN' group by severity", (row) -> {
			counts.put(Severity.valueOf(row.getString("severity")), row.getLong("n"));
		});
		return Map.copyOf(counts);
	}

}

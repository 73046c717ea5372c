package dev.tlswatch.alert;

import java.util.Map;

import dev.tlswatch.finding.Severity;

/**
 * How many alerts are open, for metrics: one grouped query, not one per alert.
 */
public interface OpenAlertCounts {

	/**
	 * The alerts in state {@link AlertState#OPEN} (neither acknowledged nor resolved), by
	 * severity.
	 * @return one entry per severity, zero where there is none
	 */
	Map<Severity, Long> openBySeverity();

}

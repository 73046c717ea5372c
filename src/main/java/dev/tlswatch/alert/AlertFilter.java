package dev.tlswatch.alert;

import dev.tlswatch.finding.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Which alerts to list; {@code null} components do not filter.
 *
 * @param state only alerts in this state
 * @param severity only alerts of this severity
 * @param endpointId only alerts of this endpoint
 */
public record AlertFilter(@Nullable AlertState state, @Nullable Severity severity, @Nullable Long endpointId) {

	/** Every alert. */
	public static final AlertFilter ALL = new AlertFilter(null, null, null);

}

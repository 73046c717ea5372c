package dev.tlswatch.finding;

import java.util.List;
import java.util.Optional;

/**
 * Thresholds of one endpoint other than the global ones (its own or its tags'). The
 * module that keeps such overrides implements it; without one every endpoint uses the
 * global thresholds.
 */
public interface ExpiryOverrides {

	/**
	 * The thresholds in force for an endpoint, if they differ from the global ones.
	 * @param endpointId the endpoint
	 * @return its thresholds, empty to use the global ones
	 */
	Optional<List<ExpiryThreshold>> thresholds(long endpointId);

}

package dev.tlswatch.finding;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

	/**
	 * The thresholds of several endpoints at once, for pages that show many. The default
	 * asks {@link #thresholds(long)} per endpoint; an implementation that reads a store
	 * should answer with a fixed number of queries.
	 * @param endpointIds the endpoints
	 * @return the thresholds of those that differ from the global ones, by endpoint id
	 */
	default Map<Long, List<ExpiryThreshold>> thresholds(Collection<Long> endpointIds) {
		Map<Long, List<ExpiryThreshold>> found = new LinkedHashMap<>();
		for (Long id : endpointIds) {
			thresholds(id).ifPresent((thresholds) -> found.put(id, thresholds));
		}
		return found;
	}

}

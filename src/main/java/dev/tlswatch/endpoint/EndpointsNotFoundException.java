package dev.tlswatch.endpoint;

import java.util.List;

/**
 * Some of the endpoints a bulk change names are not registered; nothing was changed.
 */
public class EndpointsNotFoundException extends RuntimeException {

	private final List<Long> endpointIds;

	public EndpointsNotFoundException(List<Long> endpointIds) {
		super("No endpoint with id "
				+ endpointIds.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
		this.endpointIds = List.copyOf(endpointIds);
	}

	/** The ids that are not registered, in the order they were asked for. */
	public List<Long> getEndpointIds() {
		return this.endpointIds;
	}

}

package dev.tlswatch.endpoint;

/**
 * There is no endpoint with the given identifier.
 */
public class EndpointNotFoundException extends RuntimeException {

	private final long endpointId;

	public EndpointNotFoundException(long endpointId) {
		super("No endpoint with id " + endpointId);
		this.endpointId = endpointId;
	}

	public long getEndpointId() {
		return this.endpointId;
	}

}

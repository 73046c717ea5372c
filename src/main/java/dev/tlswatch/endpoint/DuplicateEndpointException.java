package dev.tlswatch.endpoint;

/**
 * An endpoint with the same host, port and SNI name is already registered.
 */
public class DuplicateEndpointException extends RuntimeException {

	private final long existingId;

	public DuplicateEndpointException(String displayName, long existingId) {
		super("Endpoint " + displayName + " is already registered (id " + existingId + ")");
		this.existingId = existingId;
	}

	public long getExistingId() {
		return this.existingId;
	}

}

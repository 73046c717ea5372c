package dev.tlswatch.endpoint;

/**
 * An endpoint was deleted, with its history. Published inside the deleting transaction.
 *
 * @param endpointId the identifier it had
 */
public record EndpointRemoved(long endpointId) {
}

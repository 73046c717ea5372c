package dev.tlswatch.endpoint;

/**
 * An endpoint was registered. Published inside the registering transaction.
 *
 * @param endpoint the stored endpoint
 */
public record EndpointRegistered(EndpointDetails endpoint) {
}

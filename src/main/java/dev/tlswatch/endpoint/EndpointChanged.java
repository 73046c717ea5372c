package dev.tlswatch.endpoint;

/**
 * An endpoint's settings changed. Published inside the changing transaction.
 *
 * @param endpoint the endpoint as stored now
 */
public record EndpointChanged(EndpointDetails endpoint) {
}

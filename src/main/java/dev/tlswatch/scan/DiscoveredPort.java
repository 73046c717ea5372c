package dev.tlswatch.scan;

import java.time.Instant;

import dev.tlswatch.endpoint.TlsMode;
import org.jspecify.annotations.Nullable;

/**
 * What discovery saw on one port of one address.
 *
 * @param address the IP address probed
 * @param port the TCP port
 * @param state what the port showed
 * @param mode how TLS was tried on the port: implicit, or the STARTTLS dialogue the port
 * is known for
 * @param protocol the negotiated protocol ({@code TLSv1.3}...), {@code null} without a
 * completed handshake
 * @param leafSubject the subject of the certificate the server sent first, {@code null}
 * when none was received
 * @param leafNotAfter the end of that certificate's validity, {@code null} without one
 * @param detail why the port is not {@link PortState#TLS} or the handshake did not
 * complete, as the probe reported it (bounded); {@code null} otherwise
 * @param registeredEndpointId the endpoint registered for the host and this port,
 * {@code null} when there is none
 */
public record DiscoveredPort(String address, int port, PortState state, TlsMode mode, @Nullable String protocol,
		@Nullable String leafSubject, @Nullable Instant leafNotAfter, @Nullable String detail,
		@Nullable Long registeredEndpointId) {

	/** Whether the port speaks TLS and is not registered yet. */
	public boolean registrable() {
		return this.state == PortState.TLS && this.registeredEndpointId == null;
	}

}

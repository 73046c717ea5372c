package dev.tlswatch.probe;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The cipher suites a server accepts with one protocol version, as seen on the wire.
 *
 * @param version the version offered
 * @param accepted the suites the server chose, each once: in the server's order of
 * preference when {@code order} is {@link ServerOrder#SERVER}, else in the order found
 * @param order whose preference decides
 * @param connections the TCP connections attempted, counting failed ones
 * @param incompleteReason why the list may lack suites the server accepts (no answer, an
 * answer not understood, a suite or version that was not offered...), {@code null} when
 * the server refused every suite left: then the list is complete
 */
public record SuiteEnumeration(TlsVersion version, List<CipherSuite> accepted, ServerOrder order, int connections,
		@Nullable String incompleteReason) {

	public SuiteEnumeration {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(order, "order");
		accepted = List.copyOf(accepted);
		if (connections < 0) {
			throw new IllegalArgumentException("connections must not be negative, was " + connections);
		}
	}

	/**
	 * Whether the server refused every suite left, so that {@link #accepted()} is all it
	 * accepts with this version.
	 * @return whether the list is complete
	 */
	public boolean complete() {
		return this.incompleteReason == null;
	}

}

package dev.tlswatch.probe;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The key exchange groups a server accepts with one protocol version, as seen on the
 * wire.
 *
 * @param version the version offered
 * @param accepted the groups the server chose, each once, in the order found
 * @param connections the TCP connections attempted, counting failed ones
 * @param incompleteReason why the list may lack groups the server accepts, {@code null}
 * when the server refused every group left: then the list is complete
 */
public record GroupEnumeration(TlsVersion version, List<KeyExchangeGroup> accepted, int connections,
		@Nullable String incompleteReason) {

	public GroupEnumeration {
		Objects.requireNonNull(version, "version");
		accepted = List.copyOf(accepted);
		if (connections < 0) {
			throw new IllegalArgumentException("connections must not be negative, was " + connections);
		}
	}

	/**
	 * Whether the server refused every group left, so that {@link #accepted()} is all it
	 * accepts with this version.
	 * @return whether the list is complete
	 */
	public boolean complete() {
		return this.incompleteReason == null;
	}

	/**
	 * Whether the server accepts a post-quantum hybrid group.
	 * @return whether one of the accepted groups is post-quantum
	 */
	public boolean postQuantum() {
		return this.accepted.stream().anyMatch(KeyExchangeGroup::postQuantum);
	}

}

package dev.tlswatch.scan;

import java.util.List;
import java.util.Objects;

import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.TlsVersion;
import org.jspecify.annotations.Nullable;

/**
 * What one address accepts beyond protocol versions: the cipher suites of each accepted
 * version in the server's order, the key exchange groups, and protocol features.
 *
 * @param suites one entry per accepted version, newest first; SSL 2.0's lists the SSL 2.0
 * cipher kinds the server named, all insecure
 * @param groups the key exchange groups accepted, TLS 1.3's first
 * @param features ALPN, secure renegotiation, TLS_FALLBACK_SCSV and compression,
 * {@code null} when not probed
 */
public record CipherSupport(List<VersionSuites> suites, List<Group> groups, @Nullable Features features) {

	public CipherSupport {
		suites = List.copyOf(suites);
		groups = List.copyOf(groups);
	}

	/** Whether a post-quantum hybrid group is accepted. */
	public boolean postQuantum() {
		return this.groups.stream().anyMatch(Group::postQuantum);
	}

	/**
	 * The suites one version accepts.
	 *
	 * @param version the version
	 * @param order whose order the server follows
	 * @param accepted the suites, in the server's order when it has one
	 * @param complete whether the enumeration finished
	 * @param chachaPreference for TLS 1.2 and TLS 1.3 of a server that enforces its order
	 * and ranks AES-GCM first: whether it chose ChaCha20-Poly1305 when the client put it
	 * first; {@code null} when not known or not applicable
	 */
	public record VersionSuites(TlsVersion version, ServerOrder order, List<Suite> accepted, boolean complete,
			@Nullable Boolean chachaPreference) {

		public VersionSuites {
			accepted = List.copyOf(accepted);
		}

		/**
		 * The suites of one version, without a ChaCha20 preference.
		 */
		public VersionSuites(TlsVersion version, ServerOrder order, List<Suite> accepted, boolean complete) {
			this(version, order, accepted, complete, null);
		}

	}

	/**
	 * One accepted suite.
	 *
	 * @param name the IANA name
	 * @param strength insecure, weak or strong
	 */
	public record Suite(String name, CipherStrength strength) {

		public Suite {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(strength, "strength");
		}

	}

	/**
	 * One accepted key exchange group.
	 *
	 * @param name the IANA name
	 * @param postQuantum whether it is a post-quantum hybrid
	 */
	public record Group(String name, boolean postQuantum) {
	}

	/**
	 * Protocol features; {@code null} values were not known.
	 *
	 * @param alpn the application protocols the server agreed to
	 * @param secureRenegotiation whether RFC 5746 renegotiation_info is supported
	 * @param fallbackScsv whether TLS_FALLBACK_SCSV (RFC 7507) is honoured
	 * @param compression whether the server accepts TLS compression
	 */
	public record Features(@Nullable List<String> alpn, @Nullable Boolean secureRenegotiation,
			@Nullable Boolean fallbackScsv, @Nullable Boolean compression) {
	}

}

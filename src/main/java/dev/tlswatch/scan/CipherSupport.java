package dev.tlswatch.scan;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one address accepts beyond protocol versions: the cipher suites of each accepted
 * version in the server's order, the key exchange groups, and protocol features.
 *
 * @param suites one entry per accepted version, newest first
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
	 * @param order {@code SERVER}, {@code CLIENT} or {@code UNKNOWN}
	 * @param accepted the suites, in the server's order when it has one
	 * @param complete whether the enumeration finished
	 */
	public record VersionSuites(ProtocolVersion version, String order, List<Suite> accepted, boolean complete) {

		public VersionSuites {
			accepted = List.copyOf(accepted);
		}

	}

	/**
	 * One accepted suite.
	 *
	 * @param name the IANA name
	 * @param strength {@code INSECURE}, {@code WEAK} or {@code STRONG}
	 */
	public record Suite(String name, String strength) {
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

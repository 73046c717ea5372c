package dev.tlswatch.probe.jsse;

import javax.net.ssl.SNIHostName;

import org.jspecify.annotations.Nullable;

/**
 * Decides which name, if any, goes into the {@code server_name} extension: RFC 6066 §3
 * allows one DNS host name, without a trailing dot, and no IP literal. Public so that
 * every probe of the engine sends the same name.
 */
public final class SniNames {

	// RFC 1035 §2.3.4
	private static final int MAX_NAME_LENGTH = 253;

	private SniNames() {
	}

	/**
	 * The SNI host name for a configured name.
	 * @param name the configured name, possibly {@code null}
	 * @return the name to send, or {@code null} to send none
	 */
	public static @Nullable SNIHostName serverName(@Nullable String name) {
		if (name == null) {
			return null;
		}
		String withoutDot = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
		if (withoutDot.isEmpty() || withoutDot.length() > MAX_NAME_LENGTH || hasNumericLastLabel(withoutDot)) {
			return null;
		}
		try {
			// Applies IDNA with the STD3 rules: letters, digits, hyphens, labels of 1-63
			return new SNIHostName(withoutDot);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** An IPv4 literal, or any name whose top-level label no registry could delegate. */
	private static boolean hasNumericLastLabel(String name) {
		String last = name.substring(name.lastIndexOf('.') + 1);
		return !last.isEmpty() && last.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

}

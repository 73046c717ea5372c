package dev.tlswatch.revocation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The names of the CRL reason codes (RFC 5280 §5.3.1), as OCSP (RFC 6960 §4.2.1) uses
 * them too.
 */
final class Reasons {

	// Code 7 is not used
	private static final List<String> NAMES = List.of("unspecified", "keyCompromise", "cACompromise",
			"affiliationChanged", "superseded", "cessationOfOperation", "certificateHold", "unused", "removeFromCRL",
			"privilegeWithdrawn", "aACompromise");

	private Reasons() {
	}

	/**
	 * The name of a reason code.
	 * @param code the code, negative when none was given
	 * @return the name, {@code null} without a code
	 */
	static @Nullable String name(int code) {
		if (code < 0) {
			return null;
		}
		return (code < NAMES.size()) ? NAMES.get(code) : "reason " + code;
	}

}

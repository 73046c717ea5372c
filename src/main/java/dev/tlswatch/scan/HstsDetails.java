package dev.tlswatch.scan;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The HSTS policy (RFC 6797) of one address, or why there is none.
 *
 * @param state {@code ENABLED}, {@code DISABLED} (max-age=0), {@code ABSENT},
 * {@code MALFORMED}; or, without an answer to judge, {@code NOT_APPLICABLE} (not an HTTPS
 * server), {@code COULD_NOT_TEST}, {@code TIMED_OUT} or {@code ERROR}
 * @param maxAge the max-age in seconds when enabled or disabled
 * @param includeSubDomains whether the policy covers subdomains
 * @param preload whether the preload token is present
 * @param header the header as received, {@code null} when absent
 * @param detail the answer or why there is none, in a few words
 */
public record HstsDetails(String state, @Nullable Long maxAge, boolean includeSubDomains, boolean preload,
		@Nullable String header, @Nullable String detail) {

	public HstsDetails {
		Objects.requireNonNull(state, "state");
	}

	/**
	 * Whether the server's answer was judged: the policy is one of enabled, disabled,
	 * absent or malformed.
	 * @return whether the state is a verdict on a real answer
	 */
	public boolean judged() {
		return switch (this.state) {
			case "ENABLED", "DISABLED", "ABSENT", "MALFORMED" -> true;
			default -> false;
		};
	}

}

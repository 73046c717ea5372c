package dev.tlswatch.endpoint;

import org.jspecify.annotations.Nullable;

/**
 * What the {@link ScanTargetPolicy} says about a host or an address.
 *
 * @param allowed whether it may be scanned
 * @param reason why not, a sentence for users naming the rule and its configuration key;
 * {@code null} when allowed
 */
public record PolicyDecision(boolean allowed, @Nullable String reason) {

	private static final PolicyDecision ALLOWED = new PolicyDecision(true, null);

	public PolicyDecision {
		if (allowed == (reason != null)) {
			throw new IllegalArgumentException("A denial needs a reason, an allowance has none");
		}
	}

	static PolicyDecision allow() {
		return ALLOWED;
	}

	static PolicyDecision deny(String reason) {
		return new PolicyDecision(false, reason);
	}

	/** Whether it may not be scanned. */
	public boolean denied() {
		return !this.allowed;
	}

}

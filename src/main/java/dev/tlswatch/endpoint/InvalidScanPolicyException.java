package dev.tlswatch.endpoint;

/**
 * A {@code tlswatch.scan-policy.*} entry that is not a network or host pattern: the
 * application does not start, and {@link ScanPolicyFailureAnalyzer} says which entry and
 * what it should look like.
 */
public class InvalidScanPolicyException extends IllegalArgumentException {

	private final String key;

	private final String value;

	private final String problem;

	private final String expected;

	InvalidScanPolicyException(String key, String value, String problem, String expected, Throwable cause) {
		super((cause.getMessage() != null && cause.getMessage().startsWith(key)) ? cause.getMessage()
				: key + ": " + cause.getMessage(), cause);
		this.key = key;
		this.value = value;
		this.problem = problem;
		this.expected = expected;
	}

	/** The property, with its index: {@code tlswatch.scan-policy.allow[2]}. */
	String key() {
		return this.key;
	}

	String value() {
		return this.value;
	}

	String problem() {
		return this.problem;
	}

	String expected() {
		return this.expected;
	}

}

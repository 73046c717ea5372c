package dev.tlswatch.notify;

/**
 * How urgent a message is, for routing ({@code min-severity}) and for the paging
 * services' priorities. Ordered from least to most urgent.
 */
public enum MessageSeverity {

	INFO, WARNING, CRITICAL;

	/**
	 * Whether this is at least the given severity.
	 * @param minimum the minimum
	 * @return whether this is as urgent or more
	 */
	public boolean atLeast(MessageSeverity minimum) {
		return compareTo(minimum) >= 0;
	}

}

package dev.tlswatch.cli;

/**
 * A monitoring check's state, with the exit status of the Nagios plugin API (also used by
 * Icinga, Naemon, Sensu, Zabbix and CI scripts). Declared from best to worst.
 */
enum CheckState {

	/** Nothing to act on. */
	OK(0),

	/** Act soon: a certificate expires within the warning days, or a weakness. */
	WARNING(1),

	/** Act now: no TLS, an expired or soon expiring certificate, a failed grade. */
	CRITICAL(2),

	/** The check could not learn the state (a usage error or a local failure). */
	UNKNOWN(3);

	private final int exitStatus;

	CheckState(int exitStatus) {
		this.exitStatus = exitStatus;
	}

	int exitStatus() {
		return this.exitStatus;
	}

	/**
	 * The worse of two states: CRITICAL outranks UNKNOWN, which outranks WARNING, as in
	 * the plugin guidelines' "worst state" for several services.
	 * @param other the other state
	 * @return the worse one
	 */
	CheckState worst(CheckState other) {
		return (rank(other) > rank(this)) ? other : this;
	}

	private static int rank(CheckState state) {
		return switch (state) {
			case OK -> 0;
			case WARNING -> 1;
			case UNKNOWN -> 2;
			case CRITICAL -> 3;
		};
	}

}

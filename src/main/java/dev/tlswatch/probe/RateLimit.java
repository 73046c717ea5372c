package dev.tlswatch.probe;

/**
 * A server cut part of a full probe short: it refused or reset connections after it had
 * answered earlier ones, and still refused a handshake it had accepted at the start. What
 * those connections would have shown is unknown, never refused.
 *
 * @param incomplete how many of the probe's connections were cut
 * @param connections how many connections the probe opened
 * @param reason what the first cut looked like (bounded)
 */
public record RateLimit(int incomplete, int connections, String reason) {

	private static final int MAX_REASON_LENGTH = 200;

	public RateLimit {
		if (incomplete < 0 || connections < incomplete) {
			throw new IllegalArgumentException("Incomplete probes must be between 0 and " + connections);
		}
		reason = (reason.length() > MAX_REASON_LENGTH) ? reason.substring(0, MAX_REASON_LENGTH) + "…" : reason;
	}

	/**
	 * The result in words.
	 * @return for example {@code rate limited: 12 of 40 probes incomplete}
	 */
	public String describe() {
		return "rate limited: " + this.incomplete + " of " + this.connections + " probes incomplete";
	}

}

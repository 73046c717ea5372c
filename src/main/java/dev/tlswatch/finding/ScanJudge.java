package dev.tlswatch.finding;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.scan.ScanDetails;

/**
 * The judge as a pure function, for callers that hold a scan in hand (tests, tools): the
 * same rules the finding module stores verdicts with. Opens no socket, touches no
 * database.
 */
public final class ScanJudge {

	private ScanJudge() {
	}

	/**
	 * The findings of a scan.
	 * @param scan the scan
	 * @param policy the expiry policy in force for its endpoint
	 * @param now the time to judge at
	 * @return the findings, most severe first
	 */
	public static List<FindingDetails> findings(ScanDetails scan, ExpiryPolicy policy, Instant now) {
		return FindingRules.judge(scan, policy, now);
	}

	/**
	 * The endpoint's status after a scan.
	 * @param scan the scan
	 * @param findings its findings
	 * @return the status
	 */
	public static EndpointStatus status(ScanDetails scan, List<FindingDetails> findings) {
		return FindingRules.status(scan, findings);
	}

}

package dev.tlswatch.finding;

import java.util.List;

import dev.tlswatch.scan.ScanDetails;

/**
 * A completed scan was judged: its findings and the endpoint's status are stored.
 * Published inside the transaction that stores the scan, after the findings.
 *
 * @param scan the scan judged
 * @param findings its findings, most severe first
 * @param status the endpoint's status after this scan
 */
public record ScanJudged(ScanDetails scan, List<FindingDetails> findings, EndpointStatus status) {

	public ScanJudged {
		findings = List.copyOf(findings);
	}

}

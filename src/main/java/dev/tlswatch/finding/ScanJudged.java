package dev.tlswatch.finding;

import java.util.List;

import dev.tlswatch.scan.ScanDetails;

/**
 * A completed scan was judged: its findings and the endpoint's status are stored.
 * Published in the finding module's transaction that stores them, through the event
 * publication registry: listeners ({@code @ApplicationModuleListener}) run after that
 * commit and get it again after a failure or a crash, so they must tolerate seeing one
 * scan twice. The verdict to read for metrics, routing and pages.
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

package dev.tlswatch.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One stored problem of a chain as sent.
 */
@Embeddable
class StoredChainIssue {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ChainIssueType type;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private String detail;

	protected StoredChainIssue() {
		this.type = ChainIssueType.INCOMPLETE;
		this.detail = "";
	}

	StoredChainIssue(ChainReportDetails.Issue issue) {
		this.type = issue.type();
		this.position = issue.position();
		this.detail = issue.detail();
	}

	ChainReportDetails.Issue toIssue() {
		return new ChainReportDetails.Issue(this.type, this.position, this.detail);
	}

}

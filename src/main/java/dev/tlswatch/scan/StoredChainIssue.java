package dev.tlswatch.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import dev.tlswatch.probe.ChainIssue;

/**
 * One stored problem of a chain as sent.
 */
@Embeddable
class StoredChainIssue {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ChainIssue.Type type;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private String detail;

	protected StoredChainIssue() {
		this.type = ChainIssue.Type.INCOMPLETE;
		this.detail = "";
	}

	StoredChainIssue(ChainIssue issue) {
		this.type = issue.type();
		this.position = issue.position();
		this.detail = issue.detail();
	}

	ChainIssue toIssue() {
		return new ChainIssue(this.type, this.position, this.detail);
	}

}

package dev.tlswatch.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One stored reason of a grade.
 */
@Embeddable
class StoredGradeReason {

	@Column(nullable = false)
	private String code;

	@Column(nullable = false)
	private String text;

	@Column(nullable = false)
	private String cap;

	protected StoredGradeReason() {
		this.code = "";
		this.text = "";
		this.cap = "";
	}

	StoredGradeReason(GradeDetails.Reason reason) {
		this.code = reason.code();
		this.text = reason.text();
		this.cap = reason.cap();
	}

	GradeDetails.Reason toReason() {
		return new GradeDetails.Reason(this.code, this.text, this.cap);
	}

}

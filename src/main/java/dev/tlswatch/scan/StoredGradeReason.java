package dev.tlswatch.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import dev.tlswatch.probe.GradeReason;

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

	StoredGradeReason(GradeReason reason) {
		this.code = reason.code();
		this.text = reason.text();
		this.cap = ScanColumns.gradeText(reason.cap());
	}

	GradeReason toReason() {
		return new GradeReason(this.code, this.text, ScanColumns.gradeLetter(this.cap));
	}

}

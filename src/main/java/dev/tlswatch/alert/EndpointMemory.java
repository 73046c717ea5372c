package dev.tlswatch.alert;

import org.jspecify.annotations.Nullable;

/**
 * What the rules remember of an endpoint between scans.
 *
 * @param consecutiveFailures scans in a row that reached no address
 * @param lastLeafSha256 the leaf served at the last scan that saw one
 * @param lastGrade the grade (ignoring trust) of the last graded scan
 * @param gradeBaseline the grade before a drop, while the drop lasts
 */
record EndpointMemory(int consecutiveFailures, @Nullable String lastLeafSha256, @Nullable String lastGrade,
		@Nullable String gradeBaseline) {

	/** Never scanned. */
	static final EndpointMemory EMPTY = new EndpointMemory(0, null, null, null);

}

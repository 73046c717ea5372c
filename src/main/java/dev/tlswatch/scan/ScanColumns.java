package dev.tlswatch.scan;

import dev.tlswatch.probe.GradeLetter;

/**
 * How the scan store writes the probe's value types where a column holds their text: a
 * grade letter as users read it ({@code A+}). Enums whose constant names are the stored
 * text are mapped by JPA ({@code @Enumerated(STRING)}) or by name in the store's SQL.
 */
final class ScanColumns {

	private ScanColumns() {
	}

	/**
	 * The text of a grade letter in its column.
	 * @param letter the letter
	 * @return the text ({@code A+})
	 */
	static String gradeText(GradeLetter letter) {
		return letter.displayName();
	}

	/**
	 * The grade letter a column holds.
	 * @param text the text ({@code A+})
	 * @return the letter
	 * @throws IllegalStateException for a text no letter has, which only a damaged row
	 * holds
	 */
	static GradeLetter gradeLetter(String text) {
		for (GradeLetter letter : GradeLetter.values()) {
			if (letter.displayName().equals(text)) {
				return letter;
			}
		}
		throw new IllegalStateException("Unknown grade '" + text + "' in the scan store");
	}

}

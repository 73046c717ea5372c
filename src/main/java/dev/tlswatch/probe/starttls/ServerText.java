package dev.tlswatch.probe.starttls;

/**
 * Quotes what a server said so that it can go into an error text safely: control and
 * format characters escaped (a reply cannot forge a line of a log or reorder text), and
 * bounded in length.
 */
final class ServerText {

	/** Characters kept of a quoted reply, ellipsis included. */
	static final int MAX_QUOTED_LENGTH = 200;

	private static final char ELLIPSIS = '…';

	private ServerText() {
	}

	/**
	 * The text in double quotes, escaped and bounded.
	 * @param text what the server sent
	 * @return the quoted text
	 */
	static String quote(String text) {
		StringBuilder escaped = new StringBuilder();
		// The longest prefix, cut between two characters, that leaves room for the
		// ellipsis
		int cut = 0;
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			String piece = escape(text.codePointAt(i));
			if (escaped.length() + piece.length() > MAX_QUOTED_LENGTH) {
				return "\"" + escaped.substring(0, cut) + ELLIPSIS + "\"";
			}
			escaped.append(piece);
			if (escaped.length() < MAX_QUOTED_LENGTH) {
				cut = escaped.length();
			}
		}
		return "\"" + escaped + "\"";
	}

	private static String escape(int codePoint) {
		return switch (codePoint) {
			case '\r' -> "\\r";
			case '\n' -> "\\n";
			case '\t' -> "\\t";
			case '"' -> "\\\"";
			case '\\' -> "\\\\";
			default -> isUnsafe(codePoint) ? String.format("\\u%04x", codePoint) : Character.toString(codePoint);
		};
	}

	/**
	 * C0 and C1 controls, DEL, and invisible format characters such as bidi overrides.
	 */
	private static boolean isUnsafe(int codePoint) {
		return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
				|| Character.getType(codePoint) == Character.SURROGATE
				|| Character.getType(codePoint) == Character.LINE_SEPARATOR
				|| Character.getType(codePoint) == Character.PARAGRAPH_SEPARATOR;
	}

}

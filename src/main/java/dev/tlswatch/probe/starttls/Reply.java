package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A numbered reply of SMTP (RFC 5321 §4.2) or FTP (RFC 959 §4.2): a three-digit code and
 * text, on one line ({@code 220 ready}) or several, where the first line has a hyphen
 * after the code ({@code 220-}) and the last repeats the code followed by a space.
 *
 * @param code the reply code
 * @param lines the lines as received, at least one
 */
record Reply(int code, List<String> lines) {

	// The digits and the separator
	private static final int CODE_LENGTH = 3;

	Reply {
		lines = List.copyOf(lines);
	}

	/**
	 * Read one reply, however many lines it has; the conversation bounds their number.
	 * @param conversation the dialogue
	 * @return the reply
	 * @throws StartTlsException if the first line does not start with a reply code
	 * @throws IOException if the network fails or the deadline passes
	 */
	static Reply read(Conversation conversation) throws IOException {
		String first = conversation.readLine();
		if (!startsWithCode(first)) {
			throw conversation.failure("sent a malformed reply", first);
		}
		List<String> lines = new ArrayList<>();
		lines.add(first);
		String code = first.substring(0, CODE_LENGTH);
		if (first.length() > CODE_LENGTH && first.charAt(CODE_LENGTH) == '-') {
			String line;
			do {
				line = conversation.readLine();
				lines.add(line);
			}
			while (!isLast(line, code));
		}
		return new Reply(Integer.parseInt(code), lines);
	}

	/**
	 * The reply as one text, lines separated by LF.
	 * @return the text
	 */
	String text() {
		return String.join("\n", this.lines);
	}

	private static boolean startsWithCode(String line) {
		if (line.length() < CODE_LENGTH) {
			return false;
		}
		for (int i = 0; i < CODE_LENGTH; i++) {
			if (line.charAt(i) < '0' || line.charAt(i) > '9') {
				return false;
			}
		}
		return line.length() == CODE_LENGTH || line.charAt(CODE_LENGTH) == ' ' || line.charAt(CODE_LENGTH) == '-';
	}

	/**
	 * FTP's inner lines may say anything; the last one starts with the code and a space.
	 */
	private static boolean isLast(String line, String code) {
		return line.equals(code) || line.startsWith(code + " ");
	}

}

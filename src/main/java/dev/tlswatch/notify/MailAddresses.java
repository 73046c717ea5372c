package dev.tlswatch.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Checks mail addresses strictly: one bare {@code local@domain} address per value, no
 * display name, no control characters, at most 254 characters (RFC 5321 §4.5.3.1.3).
 */
final class MailAddresses {

	static final int MAX_LENGTH = 254;

	private MailAddresses() {
	}

	/**
	 * Whether the value is one plain address.
	 * @param address the value
	 * @return whether it is usable as a recipient or sender
	 */
	static boolean isValid(String address) {
		if (address.isEmpty() || address.length() > MAX_LENGTH || address.chars().anyMatch(MailAddresses::forbidden)) {
			return false;
		}
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			int at = address.lastIndexOf('@');
			return parsed.getPersonal() == null && address.equals(parsed.getAddress()) && at > 0
					&& at < address.length() - 1;
		}
		catch (AddressException ex) {
			return false;
		}
	}

	static void check(String setting, String address) {
		if (!isValid(address)) {
			throw new IllegalArgumentException(setting + " must be plain mail addresses (local@domain), not '"
					+ address.replaceAll("\\p{Cntrl}", "?") + "'");
		}
	}

	private static boolean forbidden(int c) {
		return Character.isISOControl(c) || Character.isWhitespace(c) || c == ',' || c == '<' || c == '>';
	}

}

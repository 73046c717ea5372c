package dev.tlswatch.probe.cert;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads host names and IP literals without ever asking a resolver: a text is an IP
 * literal, a DNS name in ASCII (A-label) form, or neither.
 */
final class HostNames {

	// RFC 1035 §2.3.4: 255 octets on the wire, 253 characters in text
	static final int MAX_NAME_LENGTH = 253;

	// RFC 1035 §2.3.4
	static final int MAX_LABEL_LENGTH = 63;

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	// Hex groups, colons and an optional dotted IPv4 tail (RFC 4291 §2.2), no zone id. A
	// text that starts with a hex digit or colon and holds a colon is parsed as a literal
	// by InetAddress and never resolved.
	private static final Pattern IPV6_CANDIDATE = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

	// Letters, digits, hyphen; underscore too, since real host names carry it
	private static final Pattern LABEL = Pattern.compile("[a-z0-9_-]+");

	private HostNames() {
	}

	/**
	 * Parse an IPv4 or IPv6 literal, optionally in brackets, without a DNS lookup.
	 * @param text the text
	 * @return the address, or {@code null} when the text is not an IP literal
	 */
	static @Nullable InetAddress parseIpLiteral(String text) {
		String literal = (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1) : text;
		if (IPV4.matcher(literal).matches()) {
			return ipv4(literal);
		}
		if (literal.indexOf(':') >= 0 && IPV6_CANDIDATE.matcher(literal).matches()) {
			return ipv6(literal);
		}
		return null;
	}

	/**
	 * The ASCII form of a reference DNS name: IDN U-labels become A-labels, letters
	 * become lower case and one trailing dot goes.
	 * @param name the name as configured
	 * @return the ASCII name, or {@code null} when it is not a syntactically valid DNS
	 * name
	 */
	static @Nullable String toAsciiDnsName(String name) {
		String ascii;
		try {
			ascii = IDN.toASCII(name);
		}
		catch (IllegalArgumentException ex) {
			// Not convertible to an A-label, hence no DNS name
			return null;
		}
		String lowerCase = withoutTrailingDot(ascii.toLowerCase(Locale.ROOT));
		return isDnsName(lowerCase) ? lowerCase : null;
	}

	/**
	 * Whether a lower-case ASCII text without a trailing dot is a DNS name: at most 253
	 * characters, labels of 1 to 63 letters, digits, hyphens or underscores.
	 * @param name the name
	 * @return whether it is a DNS name
	 */
	static boolean isDnsName(String name) {
		if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
			return false;
		}
		for (String label : name.split("\\.", -1)) {
			if (label.length() > MAX_LABEL_LENGTH || !LABEL.matcher(label).matches()) {
				return false;
			}
		}
		return true;
	}

	static String withoutTrailingDot(String name) {
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	private static InetAddress ipv4(String literal) {
		String[] parts = literal.split("\\.");
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			bytes[i] = (byte) Integer.parseInt(parts[i]);
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four bytes are always an IPv4 address", ex);
		}
	}

	private static @Nullable InetAddress ipv6(String literal) {
		try {
			// A candidate with a colon is parsed as a literal, never looked up
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			// Not a valid IPv6 literal after all
			return null;
		}
	}

}

package dev.tlswatch.endpoint;

import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.IDNA;
import org.jspecify.annotations.Nullable;

/**
 * Parses and normalises host names and IP literals without any name lookup: DNS names
 * become lower case ASCII (IDNs in their {@code xn--} form by IDNA2008 / UTS #46, through
 * ICU4J), IPv4 literals dotted decimal, IPv6 literals their RFC 5952 text without
 * brackets.
 */
final class HostNames {

	/** RFC 1035 §2.3.4, without the trailing dot. */
	static final int MAX_NAME_LENGTH = 253;

	/** RFC 1035 §2.3.4. */
	static final int MAX_LABEL_LENGTH = 63;

	private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9-]+");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final int IPV6_GROUPS = 8;

	private static final IDNA UTS46 = IDNA
		.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.USE_STD3_RULES);

	private HostNames() {
	}

	/**
	 * Parse a host: a DNS name, an IPv4 literal, or an IPv6 literal with or without
	 * brackets.
	 * @param input the trimmed, non-empty input
	 * @return the normalised host or why it is invalid
	 */
	static Parsed parseHost(String input) {
		if (containsWhitespace(input)) {
			return new Invalid("must not contain spaces");
		}
		if (input.startsWith("[") || input.endsWith("]")) {
			return parseBracketedIpv6(input);
		}
		if (input.indexOf(':') >= 0) {
			String ipv6 = Ipv6.format(input);
			return (ipv6 != null) ? new IpLiteral(ipv6)
					: new Invalid("is not a valid IPv6 address (give the port in its own field)");
		}
		String name = withoutTrailingDot(input.toLowerCase(Locale.ROOT));
		if (isNumericLabel(lastLabel(name))) {
			String ipv4 = Ipv4.format(name);
			return (ipv4 != null) ? new IpLiteral(ipv4) : new Invalid("is not a valid IPv4 address");
		}
		return parseDnsName(input);
	}

	/**
	 * Parse a DNS name; IP literals are invalid.
	 * @param input the trimmed, non-empty input
	 * @return the normalised name or why it is invalid
	 */
	static Parsed parseDnsName(String input) {
		if (containsWhitespace(input)) {
			return new Invalid("must not contain spaces");
		}
		String name = withoutTrailingDot(input.toLowerCase(Locale.ROOT));
		if (!isAscii(input)) {
			name = toAscii(withoutTrailingDot(input));
			if (name == null) {
				return new Invalid("is not a valid internationalised domain name (IDNA2008, UTS #46)");
			}
		}
		String problem = dnsNameProblem(name);
		return (problem != null) ? new Invalid(problem) : new DnsName(name);
	}

	/**
	 * The A-label form of an internationalised name by UTS #46 with nontransitional
	 * processing (IDNA2008, RFC 5890-5893): {@code faß.example} becomes
	 * {@code xn--fa-hia.example}, not IDNA2003's {@code fass.example}; upper case and
	 * full-width dots are mapped, bidi and CONTEXTJ rules checked.
	 * @param name the name, without a trailing dot
	 * @return lower case ASCII, {@code null} when the name is not valid
	 */
	static @Nullable String toAscii(String name) {
		StringBuilder ascii = new StringBuilder(name.length() + 16);
		IDNA.Info info = new IDNA.Info();
		UTS46.nameToASCII(name, ascii, info);
		return info.hasErrors() ? null : ascii.toString().toLowerCase(Locale.ROOT);
	}

	private static Parsed parseBracketedIpv6(String input) {
		if (!input.startsWith("[") || !input.endsWith("]")) {
			return new Invalid("has an unmatched bracket");
		}
		String ipv6 = Ipv6.format(input.substring(1, input.length() - 1));
		return (ipv6 != null) ? new IpLiteral(ipv6) : new Invalid("is not a valid IPv6 address");
	}

	private static @Nullable String dnsNameProblem(String name) {
		if (name.isEmpty()) {
			return "must not be empty";
		}
		if (name.length() > MAX_NAME_LENGTH) {
			return "must be at most " + MAX_NAME_LENGTH + " characters long";
		}
		for (String label : name.split("\\.", -1)) {
			String problem = labelProblem(label);
			if (problem != null) {
				return problem;
			}
		}
		if (isNumericLabel(lastLabel(name))) {
			return "must not end in an all-numeric label";
		}
		return null;
	}

	private static @Nullable String labelProblem(String label) {
		if (label.isEmpty()) {
			return "must not contain empty labels (\"..\")";
		}
		if (label.length() > MAX_LABEL_LENGTH) {
			return "label '" + label + "' is longer than " + MAX_LABEL_LENGTH + " characters";
		}
		if (!LDH_LABEL.matcher(label).matches()) {
			return "may only contain letters, digits, hyphens and dots";
		}
		if (label.startsWith("-") || label.endsWith("-")) {
			return "label '" + label + "' must not start or end with a hyphen";
		}
		return null;
	}

	private static boolean containsWhitespace(String input) {
		return input.chars().anyMatch(Character::isWhitespace);
	}

	private static boolean isAscii(String input) {
		return input.chars().allMatch((c) -> c < 0x80);
	}

	private static String withoutTrailingDot(String name) {
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	private static String lastLabel(String name) {
		return name.substring(name.lastIndexOf('.') + 1);
	}

	private static boolean isNumericLabel(String label) {
		return DIGITS.matcher(label).matches();
	}

	/**
	 * The outcome of parsing a host.
	 */
	sealed interface Parsed permits DnsName, IpLiteral, Invalid {

	}

	/**
	 * A valid DNS name.
	 *
	 * @param value lower case ASCII, no trailing dot
	 */
	record DnsName(String value) implements Parsed {
	}

	/**
	 * A valid IP literal.
	 *
	 * @param value dotted decimal or RFC 5952 text
	 */
	record IpLiteral(String value) implements Parsed {
	}

	/**
	 * Not a valid host.
	 *
	 * @param message why, for a user
	 */
	record Invalid(String message) implements Parsed {
	}

	/**
	 * Dotted-decimal IPv4 literals (RFC 791), strictly: four decimal parts of 0 to 255
	 * without leading zeros, which some resolvers read as octal.
	 */
	static final class Ipv4 {

		private static final int PARTS = 4;

		private Ipv4() {
		}

		static byte @Nullable [] parse(String text) {
			String[] parts = text.split("\\.", -1);
			if (parts.length != PARTS) {
				return null;
			}
			byte[] bytes = new byte[PARTS];
			for (int i = 0; i < PARTS; i++) {
				int value = parsePart(parts[i]);
				if (value < 0) {
					return null;
				}
				bytes[i] = (byte) value;
			}
			return bytes;
		}

		static @Nullable String format(String text) {
			byte[] bytes = parse(text);
			return (bytes != null) ? format(bytes, 0) : null;
		}

		static String format(byte[] bytes, int offset) {
			return (bytes[offset] & 0xff) + "." + (bytes[offset + 1] & 0xff) + "." + (bytes[offset + 2] & 0xff) + "."
					+ (bytes[offset + 3] & 0xff);
		}

		private static int parsePart(String part) {
			if (part.isEmpty() || part.length() > 3 || !DIGITS.matcher(part).matches()
					|| (part.length() > 1 && part.charAt(0) == '0')) {
				return -1;
			}
			int value = Integer.parseInt(part);
			return (value <= 255) ? value : -1;
		}

	}

	/**
	 * IPv6 literals (RFC 4291 §2.2), formatted as RFC 5952 recommends. Zone identifiers
	 * are not accepted.
	 */
	static final class Ipv6 {

		private static final int MAX_GROUP_DIGITS = 4;

		private Ipv6() {
		}

		static @Nullable String format(String text) {
			int[] groups = parse(text);
			return (groups != null) ? format(groups) : null;
		}

		static int @Nullable [] parse(String text) {
			int gap = text.indexOf("::");
			if (gap != text.lastIndexOf("::")) {
				return null;
			}
			int[] head = (gap < 0) ? parseGroups(text, true) : parseGroups(text.substring(0, gap), false);
			int[] tail = (gap < 0) ? new int[0] : parseGroups(text.substring(gap + 2), true);
			if (head == null || tail == null) {
				return null;
			}
			int count = head.length + tail.length;
			if ((gap < 0) ? count != IPV6_GROUPS : count > IPV6_GROUPS - 1) {
				return null;
			}
			int[] groups = new int[IPV6_GROUPS];
			System.arraycopy(head, 0, groups, 0, head.length);
			System.arraycopy(tail, 0, groups, IPV6_GROUPS - tail.length, tail.length);
			return groups;
		}

		/** Colon-separated hex groups; the last may be a dotted IPv4 address. */
		private static int @Nullable [] parseGroups(String text, boolean ipv4Allowed) {
			if (text.isEmpty()) {
				return new int[0];
			}
			String[] parts = text.split(":", -1);
			String last = parts[parts.length - 1];
			boolean ipv4 = ipv4Allowed && last.indexOf('.') >= 0;
			int[] groups = new int[parts.length + (ipv4 ? 1 : 0)];
			for (int i = 0; i < parts.length - (ipv4 ? 1 : 0); i++) {
				groups[i] = parseGroup(parts[i]);
				if (groups[i] < 0) {
					return null;
				}
			}
			if (ipv4) {
				byte[] address = Ipv4.parse(last);
				if (address == null) {
					return null;
				}
				groups[groups.length - 2] = ((address[0] & 0xff) << 8) | (address[1] & 0xff);
				groups[groups.length - 1] = ((address[2] & 0xff) << 8) | (address[3] & 0xff);
			}
			return groups;
		}

		private static int parseGroup(String group) {
			if (group.isEmpty() || group.length() > MAX_GROUP_DIGITS) {
				return -1;
			}
			int value = 0;
			for (int i = 0; i < group.length(); i++) {
				int digit = Character.digit(group.charAt(i), 16);
				if (digit < 0) {
					return -1;
				}
				value = (value << 4) | digit;
			}
			return value;
		}

		/** RFC 5952 §4: lower case, no leading zeros, the longest zero run as "::". */
		static String format(int[] groups) {
			if (isIpv4Mapped(groups)) {
				byte[] tail = { (byte) (groups[6] >> 8), (byte) groups[6], (byte) (groups[7] >> 8), (byte) groups[7] };
				return "::ffff:" + Ipv4.format(tail, 0);
			}
			int[] run = longestZeroRun(groups);
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < groups.length; i++) {
				if (i == run[0]) {
					text.append("::");
					i += run[1] - 1;
					continue;
				}
				if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
					text.append(':');
				}
				text.append(Integer.toHexString(groups[i]));
			}
			return text.toString();
		}

		/** RFC 5952 §5: IPv4-mapped addresses keep the dotted quad. */
		private static boolean isIpv4Mapped(int[] groups) {
			for (int i = 0; i < 5; i++) {
				if (groups[i] != 0) {
					return false;
				}
			}
			return groups[5] == 0xffff;
		}

		/** Start and length of the first longest run of at least two zero groups. */
		private static int[] longestZeroRun(int[] groups) {
			int bestStart = -1;
			int bestLength = 1;
			for (int i = 0; i < groups.length; i++) {
				int length = 0;
				while (i + length < groups.length && groups[i + length] == 0) {
					length++;
				}
				if (length > bestLength) {
					bestStart = i;
					bestLength = length;
				}
				i += length;
			}
			return new int[] { bestStart, bestLength };
		}

	}

}

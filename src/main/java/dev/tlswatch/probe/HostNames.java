package dev.tlswatch.probe;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;

import org.jspecify.annotations.Nullable;

/**
 * The one reader of host names and IP literals, never asking a resolver. Two grammars
 * share it: a configured host (what a user registers, and the names a scan is allowed to
 * reach) is a strict LDH DNS name or an IP literal, normalised, and an invalid one says
 * why; a name in a certificate or a reference name to match it against (RFC 6125) is read
 * more leniently, since real names carry underscores. DNS names become lower case ASCII
 * (IDNs in their {@code xn--} form, RFC 5890), IPv4 literals dotted decimal, IPv6
 * literals their RFC 5952 text without brackets. Plain Java, so that the registry and the
 * engine read names alike.
 */
public final class HostNames {

	/** RFC 1035 §2.3.4, without the trailing dot. */
	public static final int MAX_NAME_LENGTH = 253;

	/** RFC 1035 §2.3.4. */
	public static final int MAX_LABEL_LENGTH = 63;

	private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9-]+");

	// Letters, digits, hyphen; underscore too, since real host names carry it
	private static final Pattern LENIENT_LABEL = Pattern.compile("[a-z0-9_-]+");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final int IPV6_GROUPS = 8;

	private HostNames() {
	}

	/**
	 * Parse a host: a DNS name, an IPv4 literal, or an IPv6 literal with or without
	 * brackets.
	 * @param input the trimmed, non-empty input
	 * @return the normalised host or why it is invalid
	 */
	public static Parsed parseHost(String input) {
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
	public static Parsed parseDnsName(String input) {
		if (containsWhitespace(input)) {
			return new Invalid("must not contain spaces");
		}
		String name = withoutTrailingDot(input.toLowerCase(Locale.ROOT));
		if (!isAscii(name)) {
			try {
				name = IDN.toASCII(name).toLowerCase(Locale.ROOT);
			}
			catch (IllegalArgumentException ex) {
				return new Invalid("is not a valid internationalised domain name");
			}
		}
		String problem = dnsNameProblem(name);
		return (problem != null) ? new Invalid(problem) : new DnsName(name);
	}

	/**
	 * Parse an IPv4 or IPv6 literal, optionally in brackets, without a DNS lookup.
	 * @param text the text
	 * @return the address, or {@code null} when the text is not an IP literal
	 */
	public static @Nullable InetAddress parseIpLiteral(String text) {
		String literal = (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1) : text;
		byte[] bytes = (literal.indexOf(':') >= 0) ? ipv6Bytes(literal) : Ipv4.parse(literal);
		if (bytes == null) {
			return null;
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four or sixteen bytes are always an IP address", ex);
		}
	}

	/**
	 * The ASCII form of a name to match a certificate against, or presented in one (RFC
	 * 6125): IDN U-labels become A-labels, letters become lower case and one trailing dot
	 * goes; underscores are allowed.
	 * @param name the name
	 * @return the ASCII name, or {@code null} when it is not a syntactically valid DNS
	 * name
	 */
	public static @Nullable String toAsciiDnsName(String name) {
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
	 * Whether a lower-case ASCII text without a trailing dot is a DNS name in the lenient
	 * grammar: at most 253 characters, labels of 1 to 63 letters, digits, hyphens or
	 * underscores.
	 * @param name the name
	 * @return whether it is a DNS name
	 */
	public static boolean isDnsName(String name) {
		if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
			return false;
		}
		for (String label : name.split("\\.", -1)) {
			if (label.length() > MAX_LABEL_LENGTH || !LENIENT_LABEL.matcher(label).matches()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Which name, if any, goes into the {@code server_name} extension: RFC 6066 §3 allows
	 * one DNS host name, without a trailing dot, and no IP literal. Every probe of the
	 * engine sends the name this gives.
	 * @param name the configured name, possibly {@code null}
	 * @return the name to send, or {@code null} to send none
	 */
	public static @Nullable SNIHostName serverName(@Nullable String name) {
		if (name == null) {
			return null;
		}
		String withoutDot = withoutTrailingDot(name);
		if (withoutDot.isEmpty() || withoutDot.length() > MAX_NAME_LENGTH || isNumericLabel(lastLabel(withoutDot))) {
			return null;
		}
		try {
			// Applies IDNA with the STD3 rules: letters, digits, hyphens, labels of 1-63
			return new SNIHostName(withoutDot);
		}
		catch (IllegalArgumentException ex) {
			// Not a host name SNI can carry: send none
			return null;
		}
	}

	private static byte @Nullable [] ipv6Bytes(String literal) {
		int[] groups = Ipv6.parse(literal);
		if (groups == null) {
			return null;
		}
		byte[] bytes = new byte[IPV6_GROUPS * 2];
		for (int i = 0; i < IPV6_GROUPS; i++) {
			bytes[2 * i] = (byte) (groups[i] >> 8);
			bytes[2 * i + 1] = (byte) groups[i];
		}
		return bytes;
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

	public static String withoutTrailingDot(String name) {
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
	public sealed interface Parsed permits DnsName, IpLiteral, Invalid {

	}

	/**
	 * A valid DNS name.
	 *
	 * @param value lower case ASCII, no trailing dot
	 */
	public record DnsName(String value) implements Parsed {
	}

	/**
	 * A valid IP literal.
	 *
	 * @param value dotted decimal or RFC 5952 text
	 */
	public record IpLiteral(String value) implements Parsed {
	}

	/**
	 * Not a valid host.
	 *
	 * @param message why, for a user
	 */
	public record Invalid(String message) implements Parsed {
	}

	/**
	 * Dotted-decimal IPv4 literals (RFC 791), strictly: four decimal parts of 0 to 255
	 * without leading zeros, which some resolvers read as octal.
	 */
	public static final class Ipv4 {

		private static final int PARTS = 4;

		private Ipv4() {
		}

		public static byte @Nullable [] parse(String text) {
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

		public static @Nullable String format(String text) {
			byte[] bytes = parse(text);
			return (bytes != null) ? format(bytes, 0) : null;
		}

		public static String format(byte[] bytes, int offset) {
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
	public static final class Ipv6 {

		private static final int MAX_GROUP_DIGITS = 4;

		private Ipv6() {
		}

		public static @Nullable String format(String text) {
			int[] groups = parse(text);
			return (groups != null) ? format(groups) : null;
		}

		public static int @Nullable [] parse(String text) {
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
		public static String format(int[] groups) {
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

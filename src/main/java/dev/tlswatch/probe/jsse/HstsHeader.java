package dev.tlswatch.probe.jsse;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.Hsts.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Reads one {@code Strict-Transport-Security} header value as RFC 6797 §6.1 defines it:
 * directives separated by semicolons, names case-insensitive, each at most once,
 * {@code max-age} required with delta-seconds (quoted or not), unknown directives
 * ignored. {@code preload} is not in the RFC; it is the token the browsers' preload list
 * asks for. A header that breaks the grammar is {@link Verdict#MALFORMED}, as browsers
 * ignore it (§8.1).
 */
final class HstsHeader {

	// Digits of a max-age kept exactly; a longer one is beyond any lifetime that matters
	private static final int MAX_EXACT_DIGITS = 18;

	private HstsHeader() {
	}

	/**
	 * The policy of a header, or why it is invalid.
	 * @param value the header's value, {@code null} when the response had none
	 * @param statusCode the response's status code
	 * @return the policy and the reason for a malformed verdict
	 */
	static Parsed parse(@Nullable String value, int statusCode) {
		if (value == null) {
			return new Parsed(new Hsts(Verdict.ABSENT, statusCode, null, false, false, null), null);
		}
		Directives directives = new Directives();
		for (String part : value.split(";", -1)) {
			String problem = directives.add(part.trim());
			if (problem != null) {
				return malformed(value, statusCode, problem);
			}
		}
		if (directives.maxAge == null) {
			return malformed(value, statusCode, "no max-age directive");
		}
		Verdict verdict = (directives.maxAge > 0) ? Verdict.ENABLED : Verdict.DISABLED;
		return new Parsed(new Hsts(verdict, statusCode, directives.maxAge, directives.includeSubDomains,
				directives.preload, value), null);
	}

	private static Parsed malformed(String value, int statusCode, String problem) {
		return new Parsed(new Hsts(Verdict.MALFORMED, statusCode, null, false, false, value), problem);
	}

	/**
	 * A parsed header.
	 *
	 * @param hsts the policy
	 * @param problem why it is malformed, {@code null} otherwise
	 */
	record Parsed(Hsts hsts, @Nullable String problem) {
	}

	/** The directives seen so far. */
	private static final class Directives {

		private final Set<String> seen = new HashSet<>();

		private @Nullable Long maxAge;

		private boolean includeSubDomains;

		private boolean preload;

		/** Take one directive; returns what is wrong with it, or {@code null}. */
		@Nullable String add(String directive) {
			if (directive.isEmpty()) {
				// the grammar allows empty directives: "max-age=1;;"
				return null;
			}
			int equals = directive.indexOf('=');
			String name = ((equals < 0) ? directive : directive.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
			String argument = (equals < 0) ? null : unquote(directive.substring(equals + 1).trim());
			if (name.isEmpty() || !isToken(name)) {
				return "invalid directive name in \"" + directive + "\"";
			}
			if (!this.seen.add(name)) {
				return "directive " + name + " appears twice";
			}
			return switch (name) {
				case "max-age" -> maxAge(argument);
				case "includesubdomains" -> flag(argument, name, () -> this.includeSubDomains = true);
				case "preload" -> flag(argument, name, () -> this.preload = true);
				default -> null;
			};
		}

		private @Nullable String maxAge(@Nullable String argument) {
			if (argument == null || argument.isEmpty() || !argument.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				return "max-age is not a number of seconds";
			}
			String digits = argument.replaceFirst("^0+(?=.)", "");
			this.maxAge = (digits.length() > MAX_EXACT_DIGITS) ? Long.MAX_VALUE : Long.parseLong(digits);
			return null;
		}

		private static @Nullable String flag(@Nullable String argument, String name, Runnable set) {
			if (argument != null) {
				return name + " takes no value";
			}
			set.run();
			return null;
		}

		/** A quoted-string without its quotes and escapes; null for a broken one. */
		private static @Nullable String unquote(String argument) {
			if (!argument.startsWith("\"")) {
				return argument;
			}
			if (argument.length() < 2 || !argument.endsWith("\"")) {
				return null;
			}
			return argument.substring(1, argument.length() - 1).replaceAll("\\\\(.)", "$1");
		}

		// RFC 7230 §3.2.6 token characters
		private static boolean isToken(String name) {
			return name.chars().allMatch((c) -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
		}

	}

}

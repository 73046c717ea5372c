package dev.tlswatch.endpoint;

import java.util.Locale;

import com.ibm.icu.text.IDNA;
import org.jspecify.annotations.Nullable;

import dev.tlswatch.probe.HostNames;
import dev.tlswatch.probe.HostNames.Invalid;
import dev.tlswatch.probe.HostNames.Parsed;

/**
 * Reads what a user typed as a host: internationalised names become their A-label form by
 * IDNA2008 (UTS #46, nontransitional, through ICU4J), then the probe's {@link HostNames}
 * (plain Java, so IDNA2003 only) checks and normalises the ASCII name.
 * {@code faß.example} is registered as {@code xn--fa-hia.example}, not IDNA2003's
 * {@code fass.example}.
 */
final class Idna {

	private static final IDNA UTS46 = IDNA
		.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.USE_STD3_RULES);

	private static final String INVALID_IDN = "is not a valid internationalised domain name (IDNA2008, UTS #46)";

	private Idna() {
	}

	/**
	 * {@link HostNames#parseHost(String)} after IDNA2008.
	 * @param input the trimmed, non-empty input
	 * @return the normalised host or why it is invalid
	 */
	static Parsed parseHost(String input) {
		String ascii = toAsciiInput(input);
		return (ascii != null) ? HostNames.parseHost(ascii) : new Invalid(INVALID_IDN);
	}

	/**
	 * {@link HostNames#parseDnsName(String)} after IDNA2008.
	 * @param input the trimmed, non-empty input
	 * @return the normalised name or why it is invalid
	 */
	static Parsed parseDnsName(String input) {
		String ascii = toAsciiInput(input);
		return (ascii != null) ? HostNames.parseDnsName(ascii) : new Invalid(INVALID_IDN);
	}

	/**
	 * The A-label form of an internationalised name: upper case and full-width dots are
	 * mapped, bidi and CONTEXTJ rules checked.
	 * @param name the name, without a trailing dot
	 * @return lower case ASCII, {@code null} when the name is not valid
	 */
	static @Nullable String toAscii(String name) {
		StringBuilder ascii = new StringBuilder(name.length() + 16);
		IDNA.Info info = new IDNA.Info();
		UTS46.nameToASCII(name, ascii, info);
		return info.hasErrors() ? null : ascii.toString().toLowerCase(Locale.ROOT);
	}

	/** ASCII input and input with spaces pass unchanged: HostNames says what is wrong. */
	private static @Nullable String toAsciiInput(String input) {
		if (input.chars().allMatch((c) -> c < 0x80) || input.chars().anyMatch(Character::isWhitespace)) {
			return input;
		}
		String name = input.endsWith(".") ? input.substring(0, input.length() - 1) : input;
		return toAscii(name);
	}

}

package dev.tlswatch.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.TlsMode;
import org.jspecify.annotations.Nullable;

/**
 * The add and edit form as submitted: every field is text, so that what the user typed
 * can be shown again next to its error. {@link #toDraft} turns it into an
 * {@link EndpointDraft} for the endpoint module, which does the real validation.
 *
 * @param host host name or IP literal
 * @param port TCP port as typed
 * @param tlsMode how TLS starts, a {@link TlsMode} name
 * @param sniName the SNI name, blank for the host
 * @param scanIntervalMinutes minutes between scans as typed, blank for the default
 * @param tags tags separated by commas or spaces
 * @param enabled whether scheduled scans run; the form's hidden {@code _enabled} marker
 * makes an unchecked box {@code false}, {@code null} (no marker) means yes
 */
record EndpointForm(@Nullable String host, @Nullable String port, @Nullable String tlsMode, @Nullable String sniName,
		@Nullable String scanIntervalMinutes, @Nullable String tags, @Nullable Boolean enabled) {

	/** Longest text accepted in any field before it is even parsed. */
	static final int MAX_FIELD_LENGTH = 2000;

	/** The empty form for a new endpoint: AUTO picks the dialect from the port. */
	static EndpointForm blank() {
		return new EndpointForm("", "443", TlsMode.AUTO.name(), "", "", "", Boolean.TRUE);
	}

	/**
	 * The form filled with a stored endpoint.
	 * @param endpoint the endpoint
	 * @return its form
	 */
	static EndpointForm of(EndpointDetails endpoint) {
		return new EndpointForm(endpoint.host(), Integer.toString(endpoint.port()), endpoint.tlsMode().name(),
				(endpoint.sniName() != null) ? endpoint.sniName() : "",
				Integer.toString(endpoint.scanIntervalMinutes()), String.join(", ", endpoint.tags()),
				endpoint.enabled());
	}

	/** Whether the schedule box is ticked. */
	public boolean scheduled() {
		return !Boolean.FALSE.equals(this.enabled);
	}

	/**
	 * The draft this form asks for, or the fields that are not even the right kind of
	 * value (a port that is not a number).
	 * @return the draft and the errors found while reading the form
	 */
	Parsed toDraft() {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer port = number("port", this.port, errors, "must be a number from 1 to 65535");
		Integer interval = isBlank(this.scanIntervalMinutes) ? null
				: number("scanIntervalMinutes", this.scanIntervalMinutes, errors, "must be a whole number of minutes");
		TlsMode mode = mode(errors);
		List<String> tagList = tagList();
		tooLong("host", this.host, errors);
		tooLong("sniName", this.sniName, errors);
		tooLong("tags", this.tags, errors);
		EndpointDraft draft = new EndpointDraft(trimmed(this.host), port, mode, trimmed(this.sniName), interval,
				tagList, scheduled());
		return new Parsed(draft, errors);
	}

	private @Nullable TlsMode mode(Map<String, String> errors) {
		if (isBlank(this.tlsMode)) {
			return TlsMode.AUTO;
		}
		try {
			return TlsMode.valueOf(this.tlsMode.strip());
		}
		catch (IllegalArgumentException ex) {
			errors.put("tlsMode", "must be one of the listed modes");
			return null;
		}
	}

	private List<String> tagList() {
		if (isBlank(this.tags) || this.tags.length() > MAX_FIELD_LENGTH) {
			return List.of();
		}
		List<String> list = new ArrayList<>();
		Arrays.stream(this.tags.split("[,\\s]+")).filter((tag) -> !tag.isBlank()).forEach(list::add);
		return list;
	}

	private static @Nullable Integer number(String field, @Nullable String text, Map<String, String> errors,
			String message) {
		if (isBlank(text)) {
			errors.put(field, "must not be empty");
			return null;
		}
		String digits = text.strip();
		if (digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
			errors.put(field, message);
			return null;
		}
		return Integer.valueOf(digits);
	}

	private static void tooLong(String field, @Nullable String text, Map<String, String> errors) {
		if (text != null && text.length() > MAX_FIELD_LENGTH) {
			errors.put(field, "is too long");
		}
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return (isBlank(text) || text.length() > MAX_FIELD_LENGTH) ? null : text.strip();
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	/**
	 * A form read into a draft.
	 *
	 * @param draft the draft, with {@code null} where a field could not be read
	 * @param errors messages by field name for fields that could not be read
	 */
	record Parsed(EndpointDraft draft, Map<String, String> errors) {

		Parsed {
			errors = Map.copyOf(errors);
		}

	}

}

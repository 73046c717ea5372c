package dev.tlswatch.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlswatch.alert.EndpointAlertSettings;
import dev.tlswatch.endpoint.ConnectionOptions;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.TlsMode;
import org.jspecify.annotations.Nullable;

/**
 * The add and edit form as submitted: every field is text, so that what the user typed
 * can be shown again next to its error. {@link #toDraft} turns it into an
 * {@link EndpointDraft} for the endpoint module and {@link #alertSettings} into the alert
 * module's overrides; the modules do the real validation.
 *
 * @param host host name or IP literal
 * @param port TCP port as typed
 * @param tlsMode how TLS starts, a {@link TlsMode} name
 * @param sniName the SNI name, blank for the host
 * @param scanIntervalMinutes minutes between scans as typed, blank for the default
 * @param tags tags separated by commas or spaces
 * @param enabled whether scheduled scans run; the form's hidden {@code _enabled} marker
 * makes an unchecked box {@code false}, {@code null} (no marker) means yes
 * @param thresholds expiry thresholds separated by commas or spaces ({@code 30, 14, 7} or
 * {@code 33%}), blank to inherit the tags' or the global ones
 * @param recipients mail addresses separated by commas, semicolons or new lines
 * @param ownerName the owning team or person, blank for none
 * @param ownerEmail the owner's mail address, blank for none
 * @param connectAddress an IP address to connect to instead of resolving the host
 * @param trustBundle PEM certificates trusted for this endpoint in addition
 * @param clientCertificate the client certificate chain (PEM, leaf first)
 * @param clientKey the client certificate's private key (PEM); blank when editing keeps
 * the stored one; never shown again
 * @param removeClientCertificate whether to remove the stored client certificate and key
 */
record EndpointForm(@Nullable String host, @Nullable String port, @Nullable String tlsMode, @Nullable String sniName,
		@Nullable String scanIntervalMinutes, @Nullable String tags, @Nullable Boolean enabled,
		@Nullable String thresholds, @Nullable String recipients, @Nullable String ownerName,
		@Nullable String ownerEmail, @Nullable String connectAddress, @Nullable String trustBundle,
		@Nullable String clientCertificate, @Nullable String clientKey, @Nullable Boolean removeClientCertificate) {

	/** Longest text accepted in any field before it is even parsed. */
	static final int MAX_FIELD_LENGTH = 2000;

	/** Longest list of recipients accepted before it is parsed (50 long addresses). */
	static final int MAX_RECIPIENTS_LENGTH = 50 * 256;

	/**
	 * Longest PEM text passed on; the endpoint module applies its own, lower bounds with
	 * a message.
	 */
	static final int MAX_PEM_LENGTH = 512 * 1024;

	/** Every field of the folded advanced options, to open them when one is invalid. */
	static final List<String> ADVANCED_FIELDS = List.of("sniName", "scanIntervalMinutes", "tags", "thresholds",
			"recipients", "ownerName", "ownerEmail", "connectAddress", "trustBundle", "clientCertificate", "clientKey");

	/** The empty form for a new endpoint: AUTO picks the dialect from the port. */
	static EndpointForm blank() {
		return new EndpointForm("", "443", TlsMode.AUTO.name(), "", "", "", Boolean.TRUE, "", "", "", "", "", "", "",
				null, null);
	}

	/**
	 * The form filled with a stored endpoint and its alert settings; never the client
	 * key.
	 * @param endpoint the endpoint
	 * @param alert its alert settings
	 * @return its form
	 */
	static EndpointForm of(EndpointDetails endpoint, EndpointAlertSettings alert) {
		ConnectionOptions options = endpoint.options();
		return new EndpointForm(endpoint.host(), Integer.toString(endpoint.port()), endpoint.tlsMode().name(),
				orEmpty(endpoint.sniName()), Integer.toString(endpoint.scanIntervalMinutes()),
				String.join(", ", endpoint.tags()), endpoint.enabled(),
				(alert.thresholds() != null) ? String.join(", ", alert.thresholds()) : "",
				String.join(", ", alert.recipients()), orEmpty(alert.ownerName()), orEmpty(alert.ownerEmail()),
				orEmpty(options.connectAddress()), orEmpty(options.trustBundle()), orEmpty(options.clientCertificate()),
				null, null);
	}

	/**
	 * This form without the private key, for showing it again.
	 * @return the copy
	 */
	EndpointForm withoutKey() {
		return new EndpointForm(this.host, this.port, this.tlsMode, this.sniName, this.scanIntervalMinutes, this.tags,
				this.enabled, this.thresholds, this.recipients, this.ownerName, this.ownerEmail, this.connectAddress,
				this.trustBundle, this.clientCertificate, null, this.removeClientCertificate);
	}

	/** Whether the box to remove the client certificate is ticked. */
	public boolean removingClientCertificate() {
		return Boolean.TRUE.equals(this.removeClientCertificate);
	}

	/** Never shows the key. */
	@Override
	public String toString() {
		return "EndpointForm[host=" + this.host + ", port=" + this.port + ", clientKey="
				+ ((this.clientKey != null) ? "(given)" : null) + "]";
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
		tooLong("connectAddress", this.connectAddress, errors);
		tooLong("thresholds", this.thresholds, errors);
		tooLong("ownerName", this.ownerName, errors);
		tooLong("ownerEmail", this.ownerEmail, errors);
		tooLong("recipients", this.recipients, MAX_RECIPIENTS_LENGTH, errors);
		tooLong("trustBundle", this.trustBundle, MAX_PEM_LENGTH, errors);
		tooLong("clientCertificate", this.clientCertificate, MAX_PEM_LENGTH, errors);
		tooLong("clientKey", this.clientKey, MAX_PEM_LENGTH, errors);
		boolean remove = removingClientCertificate();
		EndpointDraft draft = new EndpointDraft(trimmed(this.host), port, mode, trimmed(this.sniName), interval,
				tagList, scheduled(), trimmed(this.connectAddress), pem(this.trustBundle),
				remove ? null : pem(this.clientCertificate), remove ? null : pem(this.clientKey));
		return new Parsed(draft, errors);
	}

	/**
	 * The alert settings this form asks for.
	 * @param disabledRules the endpoint's switched-off rules, which the form does not
	 * edit
	 * @return the settings, validated by the alert module
	 */
	EndpointAlertSettings alertSettings(List<String> disabledRules) {
		List<String> thresholdList = thresholdList();
		return new EndpointAlertSettings(thresholdList.isEmpty() ? null : thresholdList, disabledRules, recipientList(),
				trimmed(this.ownerName), trimmed(this.ownerEmail));
	}

	/** The thresholds as the user separated them; empty to inherit. */
	List<String> thresholdList() {
		return split(this.thresholds, MAX_FIELD_LENGTH, "[,;\\s]+");
	}

	/** The recipients as the user separated them. */
	List<String> recipientList() {
		return split(this.recipients, MAX_RECIPIENTS_LENGTH, "[,;\\s]+");
	}

	private static List<String> split(@Nullable String text, int maxLength, String separators) {
		if (isBlank(text) || text.length() > maxLength) {
			return List.of();
		}
		return Arrays.stream(text.strip().split(separators)).filter((item) -> !item.isBlank()).toList();
	}

	private static @Nullable String pem(@Nullable String text) {
		return (isBlank(text) || text.length() > MAX_PEM_LENGTH) ? null : text.strip();
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
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
		tooLong(field, text, MAX_FIELD_LENGTH, errors);
	}

	private static void tooLong(String field, @Nullable String text, int maxLength, Map<String, String> errors) {
		if (text != null && text.length() > maxLength) {
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

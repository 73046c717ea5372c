package dev.tlswatch.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.tlswatch.endpoint.HostNames.DnsName;
import dev.tlswatch.endpoint.HostNames.Invalid;
import dev.tlswatch.endpoint.HostNames.IpLiteral;
import dev.tlswatch.endpoint.HostNames.Parsed;
import dev.tlswatch.endpoint.InvalidEndpointException.FieldViolation;
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@link EndpointDraft} into a {@link ValidEndpoint}, or reports every invalid
 * field at once. One instance per draft: it collects the violations as it goes.
 */
final class EndpointDraftValidator {

	static final int MIN_PORT = 1;

	static final int MAX_PORT = 65535;

	static final int MIN_INTERVAL_MINUTES = 1;

	/** One week. */
	static final int MAX_INTERVAL_MINUTES = 10080;

	static final int MAX_TAGS = 20;

	static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	private static final String REQUIRED = "is required";

	private final EndpointDraft draft;

	private final int defaultIntervalMinutes;

	private final @Nullable ScanTargetPolicy policy;

	private final List<FieldViolation> violations = new ArrayList<>();

	private EndpointDraftValidator(EndpointDraft draft, int defaultIntervalMinutes, @Nullable ScanTargetPolicy policy) {
		this.draft = draft;
		this.defaultIntervalMinutes = defaultIntervalMinutes;
		this.policy = policy;
	}

	/**
	 * Validate and normalise a draft.
	 * @param draft what the user asked for
	 * @param defaultIntervalMinutes the interval when the draft has none
	 * @return the normalised settings
	 * @throws InvalidEndpointException naming every invalid field
	 */
	static ValidEndpoint validate(EndpointDraft draft, int defaultIntervalMinutes) {
		return new EndpointDraftValidator(draft, defaultIntervalMinutes, null).validate();
	}

	/**
	 * Validate and normalise a draft, and check its host against the scan target policy
	 * (patterns for names, networks for IP literals; no name lookup).
	 * @param draft what the user asked for
	 * @param defaultIntervalMinutes the interval when the draft has none
	 * @param policy the scan target policy
	 * @return the normalised settings
	 * @throws InvalidEndpointException naming every invalid field
	 */
	static ValidEndpoint validate(EndpointDraft draft, int defaultIntervalMinutes, ScanTargetPolicy policy) {
		return new EndpointDraftValidator(draft, defaultIntervalMinutes, policy).validate();
	}

	private ValidEndpoint validate() {
		String host = host();
		Integer port = port();
		TlsMode tlsMode = tlsMode();
		String sniName = sniName(host);
		int interval = scanIntervalMinutes();
		List<String> tags = tags();
		if (!this.violations.isEmpty() || host == null || port == null || tlsMode == null) {
			throw new InvalidEndpointException(this.violations);
		}
		boolean enabled = (this.draft.enabled() != null) ? this.draft.enabled() : true;
		return new ValidEndpoint(host, port, tlsMode, sniName, interval, tags, enabled);
	}

	private @Nullable String host() {
		String host = trimToNull(this.draft.host());
		if (host == null) {
			return reject("host", REQUIRED);
		}
		return switch (HostNames.parseHost(host)) {
			case DnsName(String value) -> allowedHost(value);
			case IpLiteral(String value) -> allowedHost(value);
			case Invalid(String message) -> reject("host", message);
		};
	}

	private @Nullable String allowedHost(String host) {
		if (this.policy == null) {
			return host;
		}
		PolicyDecision decision = this.policy.check(host);
		return decision.allowed() ? host : reject("host", "is not allowed as a scan target: " + decision.reason());
	}

	private @Nullable Integer port() {
		Integer port = this.draft.port();
		if (port == null) {
			return reject("port", REQUIRED);
		}
		if (port < MIN_PORT || port > MAX_PORT) {
			return reject("port", "must be between " + MIN_PORT + " and " + MAX_PORT);
		}
		return port;
	}

	private @Nullable TlsMode tlsMode() {
		return (this.draft.tlsMode() != null) ? this.draft.tlsMode() : reject("tlsMode", REQUIRED);
	}

	/**
	 * RFC 6066 §3: the SNI carries a DNS name, never an IP literal. The host's own name
	 * is stored as {@code null}, so that one endpoint has one identity.
	 */
	private @Nullable String sniName(@Nullable String host) {
		String sniName = trimToNull(this.draft.sniName());
		if (sniName == null) {
			return null;
		}
		if (HostNames.parseHost(sniName) instanceof IpLiteral) {
			return reject("sniName", "must be a DNS name, not an IP address");
		}
		return switch (HostNames.parseDnsName(sniName)) {
			case DnsName(String value) -> value.equals(host) ? null : value;
			case IpLiteral(String value) -> reject("sniName", "must be a DNS name, not an IP address");
			case Invalid(String message) -> reject("sniName", message);
		};
	}

	private int scanIntervalMinutes() {
		Integer interval = this.draft.scanIntervalMinutes();
		if (interval == null) {
			return this.defaultIntervalMinutes;
		}
		if (interval < MIN_INTERVAL_MINUTES || interval > MAX_INTERVAL_MINUTES) {
			reject("scanIntervalMinutes", "must be between " + MIN_INTERVAL_MINUTES + " and " + MAX_INTERVAL_MINUTES);
		}
		return interval;
	}

	private List<String> tags() {
		List<@Nullable String> tags = this.draft.tags();
		if (tags == null) {
			return List.of();
		}
		TreeSet<String> normalised = new TreeSet<>();
		for (int i = 0; i < tags.size(); i++) {
			String tag = trimToNull(tags.get(i));
			String field = "tags[" + i + "]";
			if (tag == null) {
				reject(field, "must not be blank");
			}
			else if (!TAG.matcher(tag.toLowerCase(Locale.ROOT)).matches()) {
				reject(field, "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
			}
			else {
				normalised.add(tag.toLowerCase(Locale.ROOT));
			}
		}
		if (normalised.size() > MAX_TAGS) {
			reject("tags", "must not have more than " + MAX_TAGS + " different tags");
		}
		return List.copyOf(normalised);
	}

	private <T> @Nullable T reject(String field, String message) {
		this.violations.add(new FieldViolation(field, message));
		return null;
	}

	private static @Nullable String trimToNull(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

}

package dev.tlswatch.endpoint;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.tlswatch.probe.HostNames;
import dev.tlswatch.probe.HostNames.DnsName;
import dev.tlswatch.probe.HostNames.Invalid;
import dev.tlswatch.probe.HostNames.IpLiteral;
import dev.tlswatch.probe.HostNames.Parsed;
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

	static final String TAG_RULE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

	/** Characters of a trust bundle: 256 KiB. */
	static final int MAX_TRUST_BUNDLE_LENGTH = 256 * 1024;

	static final int MAX_TRUST_BUNDLE_CERTIFICATES = 100;

	/** Characters of a client certificate chain or key: 64 KiB each. */
	static final int MAX_CLIENT_PEM_LENGTH = 64 * 1024;

	static final int MAX_CLIENT_CHAIN_CERTIFICATES = 10;

	private static final String REQUIRED = "is required";

	private final EndpointDraft draft;

	private final int defaultIntervalMinutes;

	private final @Nullable ScanTargetPolicy policy;

	private final @Nullable String storedClientKey;

	private final List<FieldViolation> violations = new ArrayList<>();

	private EndpointDraftValidator(EndpointDraft draft, int defaultIntervalMinutes, @Nullable ScanTargetPolicy policy,
			@Nullable String storedClientKey) {
		this.draft = draft;
		this.defaultIntervalMinutes = defaultIntervalMinutes;
		this.policy = policy;
		this.storedClientKey = storedClientKey;
	}

	/**
	 * Validate and normalise a draft.
	 * @param draft what the user asked for
	 * @param defaultIntervalMinutes the interval when the draft has none
	 * @return the normalised settings
	 * @throws InvalidEndpointException naming every invalid field
	 */
	static ValidEndpoint validate(EndpointDraft draft, int defaultIntervalMinutes) {
		return validate(draft, defaultIntervalMinutes, null, null);
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
		return validate(draft, defaultIntervalMinutes, policy, null);
	}

	/**
	 * Validate and normalise a draft that replaces stored settings.
	 * @param draft what the user asked for
	 * @param defaultIntervalMinutes the interval when the draft has none
	 * @param storedClientKey the stored client key (PEM), kept when the draft has a
	 * client certificate but no key and the key belongs to that certificate
	 * @return the normalised settings
	 * @throws InvalidEndpointException naming every invalid field
	 */
	static ValidEndpoint validate(EndpointDraft draft, int defaultIntervalMinutes, @Nullable String storedClientKey) {
		return validate(draft, defaultIntervalMinutes, null, storedClientKey);
	}

	/**
	 * Validate and normalise a draft, checking the host and the connect address against
	 * the scan target policy when one is given.
	 * @param draft what the user asked for
	 * @param defaultIntervalMinutes the interval when the draft has none
	 * @param policy the scan target policy, {@code null} for none
	 * @param storedClientKey the stored client key (PEM), kept when the draft has a
	 * client certificate but no key and the key belongs to that certificate
	 * @return the normalised settings
	 * @throws InvalidEndpointException naming every invalid field
	 */
	static ValidEndpoint validate(EndpointDraft draft, int defaultIntervalMinutes, @Nullable ScanTargetPolicy policy,
			@Nullable String storedClientKey) {
		return new EndpointDraftValidator(draft, defaultIntervalMinutes, policy, storedClientKey).validate();
	}

	private ValidEndpoint validate() {
		String host = host();
		Integer port = port();
		TlsMode tlsMode = tlsMode();
		String sniName = sniName(host);
		int interval = scanIntervalMinutes();
		List<String> tags = tags();
		String connectAddress = connectAddress();
		String trustBundle = trustBundle();
		ClientIdentity identity = clientIdentity();
		if (!this.violations.isEmpty() || host == null || port == null || tlsMode == null) {
			throw new InvalidEndpointException(this.violations);
		}
		boolean enabled = (this.draft.enabled() != null) ? this.draft.enabled() : true;
		return new ValidEndpoint(host, port, tlsMode, sniName, interval, tags, enabled, connectAddress, trustBundle,
				(identity != null) ? identity.certificate() : null, (identity != null) ? identity.key() : null);
	}

	/** An IP literal, normalised; a name would need the resolution it replaces. */
	private @Nullable String connectAddress() {
		String address = trimToNull(this.draft.connectAddress());
		if (address == null) {
			return null;
		}
		return switch (Idna.parseHost(address)) {
			case IpLiteral(String value) -> allowedConnectAddress(value);
			case DnsName(String value) -> reject("connectAddress", "must be an IPv4 or IPv6 address, not a name");
			case Invalid(String message) -> reject("connectAddress", "must be an IPv4 or IPv6 address");
		};
	}

	private @Nullable String trustBundle() {
		String bundle = trimToNull(this.draft.trustBundle());
		if (bundle == null) {
			return null;
		}
		if (bundle.length() > MAX_TRUST_BUNDLE_LENGTH) {
			return reject("trustBundle", "must be at most " + MAX_TRUST_BUNDLE_LENGTH + " characters of PEM");
		}
		try {
			int count = Pem.certificates(bundle).size();
			if (count > MAX_TRUST_BUNDLE_CERTIFICATES) {
				return reject("trustBundle",
						"must hold at most " + MAX_TRUST_BUNDLE_CERTIFICATES + " certificates, not " + count);
			}
			return bundle + "\n";
		}
		catch (InvalidPemException ex) {
			return reject("trustBundle", ex.getMessage());
		}
	}

	/**
	 * The certificate chain and its key: both or neither. An update may leave the key out
	 * to keep the stored one, if it belongs to the certificate.
	 */
	private @Nullable ClientIdentity clientIdentity() {
		String certificate = trimToNull(this.draft.clientCertificate());
		String key = trimToNull(this.draft.clientKey());
		if (certificate == null) {
			return (key != null) ? reject("clientKey", "needs a clientCertificate") : null;
		}
		List<X509Certificate> chain = clientChain(certificate);
		if (key == null) {
			return keptKey(certificate, chain);
		}
		PrivateKey privateKey = clientKey(key);
		if (chain == null || privateKey == null) {
			return null;
		}
		if (!Pem.keyMatches(privateKey, chain.get(0).getPublicKey())) {
			return reject("clientKey", "does not belong to the first certificate of clientCertificate");
		}
		return new ClientIdentity(certificate + "\n", key + "\n");
	}

	private @Nullable List<X509Certificate> clientChain(String certificate) {
		if (certificate.length() > MAX_CLIENT_PEM_LENGTH) {
			return reject("clientCertificate", "must be at most " + MAX_CLIENT_PEM_LENGTH + " characters of PEM");
		}
		try {
			List<X509Certificate> chain = Pem.certificates(certificate);
			if (chain.size() > MAX_CLIENT_CHAIN_CERTIFICATES) {
				return reject("clientCertificate", "must hold at most " + MAX_CLIENT_CHAIN_CERTIFICATES
						+ " certificates (the client certificate first, then its issuers)");
			}
			return chain;
		}
		catch (InvalidPemException ex) {
			return reject("clientCertificate", ex.getMessage());
		}
	}

	private @Nullable PrivateKey clientKey(String key) {
		if (key.length() > MAX_CLIENT_PEM_LENGTH) {
			return reject("clientKey", "must be at most " + MAX_CLIENT_PEM_LENGTH + " characters of PEM");
		}
		try {
			return Pem.privateKey(key);
		}
		catch (InvalidPemException ex) {
			return reject("clientKey", ex.getMessage());
		}
	}

	private @Nullable ClientIdentity keptKey(String certificate, @Nullable List<X509Certificate> chain) {
		String stored = this.storedClientKey;
		if (stored == null) {
			return reject("clientKey", "is required with a clientCertificate");
		}
		if (chain == null) {
			return null;
		}
		if (!Pem.keyMatches(Pem.privateKey(stored), chain.get(0).getPublicKey())) {
			return reject("clientKey",
					"is required: the stored key does not belong to the first certificate of clientCertificate");
		}
		return new ClientIdentity(certificate + "\n", stored);
	}

	private @Nullable String host() {
		String host = trimToNull(this.draft.host());
		if (host == null) {
			return reject("host", REQUIRED);
		}
		return switch (Idna.parseHost(host)) {
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

	private @Nullable String allowedConnectAddress(String address) {
		if (this.policy == null) {
			return address;
		}
		PolicyDecision decision = this.policy.check(address);
		return decision.allowed() ? address
				: reject("connectAddress", "is not allowed as a scan target: " + decision.reason());
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
		if (Idna.parseHost(sniName) instanceof IpLiteral) {
			return reject("sniName", "must be a DNS name, not an IP address");
		}
		return switch (Idna.parseDnsName(sniName)) {
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
				reject(field, TAG_RULE);
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

	/**
	 * A validated client certificate chain and key, as stored.
	 */
	private record ClientIdentity(String certificate, String key) {

		@Override
		public String toString() {
			return "ClientIdentity[key=(hidden)]";
		}

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

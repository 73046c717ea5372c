package dev.tlswatch.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.tlswatch.alert.InvalidAlertInputException.Violation;
import dev.tlswatch.audit.Audit;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.finding.ExpiryThreshold;
import dev.tlswatch.finding.Findings;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads alerts, acknowledges and mutes them, and keeps the overrides after validating
 * every field (nothing is stored when one is invalid).
 */
@Service
class AlertService implements Alerts {

	static final String ANONYMOUS = "anonymous";

	static final int MAX_BY = 200;

	static final int MAX_RECIPIENTS = 50;

	static final int MAX_THRESHOLDS = 10;

	static final int MAX_NAME = 200;

	/** Deliberately narrow: one address, no display name, no quotes or brackets. */
	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

	private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	private final AlertStore store;

	private final Endpoints endpoints;

	private final Clock clock;

	private final Audit audit;

	private final AlertSettings settings;

	private final Findings findings;

	AlertService(AlertStore store, Endpoints endpoints, Clock clock, Audit audit, AlertSettings settings,
			Findings findings) {
		this.findings = findings;
		this.settings = settings;
		this.audit = audit;
		this.store = store;
		this.endpoints = endpoints;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AlertDetails> list(AlertFilter filter, Pageable pageable) {
		return this.store.list(filter, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AlertDetails> find(long id) {
		return this.store.find(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AlertDetails> activeFor(long endpointId) {
		return this.store.active(endpointId);
	}

	@Override
	@Transactional
	public AlertDetails acknowledge(long id, String by) {
		String who = who(by);
		AlertDetails alert = this.store.lock(id).orElseThrow(() -> new AlertNotFoundException(id));
		if (!alert.active()) {
			throw new AlertResolvedException(id);
		}
		this.store.acknowledge(id, who, this.clock.instant());
		this.audit.record("ALERT_ACKNOWLEDGED", "alert", Long.toString(id), alert.rule() + ": " + alert.title());
		return this.store.find(id).orElseThrow();
	}

	@Override
	@Transactional
	public AlertDetails mute(long id, @Nullable Instant until, String by) {
		who(by);
		Instant now = this.clock.instant();
		if (until != null && !until.isAfter(now)) {
			throw new InvalidAlertInputException(List.of(new Violation("until", "must be in the future")));
		}
		AlertDetails alert = this.store.lock(id).orElseThrow(() -> new AlertNotFoundException(id));
		if (!alert.active()) {
			throw new AlertResolvedException(id);
		}
		this.store.mute(id, until, now);
		this.audit.record((until != null) ? "ALERT_MUTED" : "ALERT_UNMUTED", "alert", Long.toString(id),
				alert.rule() + ": " + alert.title() + ((until != null) ? " until " + until : ""));
		return this.store.find(id).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public EndpointAlertSettings endpointSettings(long endpointId) {
		this.endpoints.get(endpointId);
		return this.store.endpointSettings(endpointId);
	}

	@Override
	@Transactional
	public EndpointAlertSettings updateEndpointSettings(long endpointId, EndpointAlertSettings settings) {
		this.endpoints.get(endpointId);
		EndpointAlertSettings normalised = normalised(settings);
		this.store.saveEndpointSettings(endpointId, normalised, this.clock.instant());
		return normalised;
	}

	@Override
	public void checkEndpointSettings(EndpointAlertSettings settings) {
		normalised(settings);
	}

	@Override
	public AlertDefaults defaults() {
		return new AlertDefaults(
				this.findings.defaultExpiryPolicy().thresholds().stream().map(ExpiryThreshold::toString).toList(),
				this.settings.disabledRules().stream().map(AlertRule::name).sorted().toList());
	}

	/**
	 * Every field validated and normalised.
	 * @throws InvalidAlertInputException naming every invalid field
	 */
	private EndpointAlertSettings normalised(EndpointAlertSettings settings) {
		List<Violation> violations = new ArrayList<>();
		List<String> thresholds = thresholds(settings.thresholds(), violations);
		List<String> disabled = rules(settings.disabledRules(), violations);
		List<String> recipients = recipients(settings.recipients(), "recipients", violations);
		String ownerName = text(settings.ownerName(), "ownerName", violations);
		String ownerEmail = trimToNull(settings.ownerEmail());
		if (ownerEmail != null && !validEmail(ownerEmail)) {
			violations.add(new Violation("ownerEmail", "must be one mail address such as team@example.com"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidAlertInputException(violations);
		}
		return new EndpointAlertSettings(thresholds, disabled, recipients, ownerName, ownerEmail);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TagAlertSettings> tagSettings() {
		return this.store.tagSettings(null);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TagAlertSettings> tagSettings(String tag) {
		return this.store.tagSettings(List.of(tag.toLowerCase(Locale.ROOT))).stream().findFirst();
	}

	@Override
	@Transactional
	public TagAlertSettings updateTagSettings(TagAlertSettings settings) {
		List<Violation> violations = new ArrayList<>();
		String tag = settings.tag().strip().toLowerCase(Locale.ROOT);
		if (!TAG.matcher(tag).matches()) {
			violations.add(new Violation("tag",
					"must be 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit"));
		}
		List<String> thresholds = thresholds(settings.thresholds(), violations);
		List<String> disabled = rules(settings.disabledRules(), violations);
		List<String> recipients = recipients(settings.recipients(), "recipients", violations);
		if (!violations.isEmpty()) {
			throw new InvalidAlertInputException(violations);
		}
		TagAlertSettings normalised = new TagAlertSettings(tag, thresholds, disabled, recipients);
		this.store.saveTagSettings(normalised, this.clock.instant());
		return normalised;
	}

	@Override
	@Transactional
	public boolean deleteTagSettings(String tag) {
		return this.store.deleteTagSettings(tag.strip().toLowerCase(Locale.ROOT));
	}

	private static String who(String by) {
		String who = by.strip();
		if (who.length() > MAX_BY || who.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidAlertInputException(List
				.of(new Violation("by", "must have at most " + MAX_BY + " characters and no control characters")));
		}
		return who.isEmpty() ? ANONYMOUS : who;
	}

	private static @Nullable List<String> thresholds(@Nullable List<@Nullable String> given,
			List<Violation> violations) {
		if (given == null) {
			return null;
		}
		if (given.isEmpty() || given.size() > MAX_THRESHOLDS) {
			violations.add(new Violation("thresholds",
					"must list 1 to " + MAX_THRESHOLDS + " thresholds, or be null to inherit"));
			return null;
		}
		Set<String> normalised = new LinkedHashSet<>();
		for (int i = 0; i < given.size(); i++) {
			String value = given.get(i);
			try {
				normalised.add(ExpiryThreshold.parse((value != null) ? value : "").toString());
			}
			catch (IllegalArgumentException ex) {
				violations.add(new Violation("thresholds[" + i + "]", String.valueOf(ex.getMessage())));
			}
		}
		return List.copyOf(normalised);
	}

	private static List<String> rules(List<@Nullable String> given, List<Violation> violations) {
		Set<String> names = new LinkedHashSet<>();
		for (int i = 0; i < given.size(); i++) {
			String name = trimToNull(given.get(i));
			try {
				names.add(AlertRule.valueOf((name != null) ? name.toUpperCase(Locale.ROOT) : "").name());
			}
			catch (IllegalArgumentException ex) {
				violations
					.add(new Violation("disabledRules[" + i + "]", "must be one of " + List.of(AlertRule.values())));
			}
		}
		return List.copyOf(names);
	}

	private static List<String> recipients(List<@Nullable String> given, String field, List<Violation> violations) {
		if (given.size() > MAX_RECIPIENTS) {
			violations.add(new Violation(field, "must list at most " + MAX_RECIPIENTS + " addresses"));
			return List.of();
		}
		Set<String> addresses = new LinkedHashSet<>();
		for (int i = 0; i < given.size(); i++) {
			String address = trimToNull(given.get(i));
			if (address == null || !validEmail(address)) {
				violations
					.add(new Violation(field + "[" + i + "]", "must be one mail address such as team@example.com"));
			}
			else {
				addresses.add(address);
			}
		}
		return List.copyOf(addresses);
	}

	private static boolean validEmail(String address) {
		return address.length() <= 254 && EMAIL.matcher(address).matches();
	}

	private static @Nullable String text(@Nullable String value, String field, List<Violation> violations) {
		String trimmed = trimToNull(value);
		if (trimmed != null && (trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl))) {
			violations
				.add(new Violation(field, "must have at most " + MAX_NAME + " characters and no control characters"));
		}
		return trimmed;
	}

	private static @Nullable String trimToNull(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

}

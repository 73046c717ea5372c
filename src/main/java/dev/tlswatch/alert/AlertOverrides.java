package dev.tlswatch.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.finding.ExpiryOverrides;
import dev.tlswatch.finding.ExpiryThreshold;

import org.springframework.stereotype.Component;

/**
 * Applies an endpoint's and its tags' overrides to the global settings: disabled rules
 * and recipients add up, the owner's mail address joins the recipients. Its own expiry
 * thresholds, else the union of its tags' thresholds, are lent to the finding module,
 * which judges expiry with them ({@link ExpiryOverrides}).
 */
@Component
class AlertOverrides implements ExpiryOverrides {

	private final AlertStore store;

	private final AlertSettings settings;

	private final Endpoints endpoints;

	AlertOverrides(AlertStore store, AlertSettings settings, Endpoints endpoints) {
		this.store = store;
		this.settings = settings;
		this.endpoints = endpoints;
	}

	@Override
	public Optional<List<ExpiryThreshold>> thresholds(long endpointId) {
		Optional<EndpointDetails> endpoint = this.endpoints.find(endpointId);
		if (endpoint.isEmpty()) {
			return Optional.empty();
		}
		AlertStore.Overrides overrides = this.store.overrides(endpointId, endpoint.get().tags());
		return thresholds(overrides.own(), overrides.tags());
	}

	/**
	 * Three queries however many endpoints: the endpoints (with their tags), their own
	 * settings, the settings of all their tags.
	 */
	@Override
	public Map<Long, List<ExpiryThreshold>> thresholds(Collection<Long> endpointIds) {
		List<EndpointDetails> found = this.endpoints.findAll(endpointIds.stream().distinct().toList());
		if (found.isEmpty()) {
			return Map.of();
		}
		Map<Long, EndpointAlertSettings> own = this.store
			.endpointSettings(found.stream().map(EndpointDetails::id).toList());
		Set<String> allTags = new LinkedHashSet<>();
		found.forEach((endpoint) -> allTags.addAll(endpoint.tags()));
		List<TagAlertSettings> tagSettings = this.store.tagSettings(allTags);
		Map<Long, List<ExpiryThreshold>> thresholds = new LinkedHashMap<>();
		for (EndpointDetails endpoint : found) {
			// in the store's order, as the one-endpoint lookup reads them
			List<TagAlertSettings> tags = tagSettings.stream()
				.filter((tag) -> endpoint.tags().contains(tag.tag()))
				.toList();
			thresholds(own.getOrDefault(endpoint.id(), EndpointAlertSettings.NONE), tags)
				.ifPresent((list) -> thresholds.put(endpoint.id(), list));
		}
		return thresholds;
	}

	private static Optional<List<ExpiryThreshold>> thresholds(EndpointAlertSettings own, List<TagAlertSettings> tags) {
		if (own.thresholds() != null) {
			return Optional.of(own.thresholds().stream().map(ExpiryThreshold::parse).toList());
		}
		if (tags.stream().anyMatch((tag) -> tag.thresholds() != null)) {
			return Optional.of(tags.stream()
				.filter((tag) -> tag.thresholds() != null)
				.flatMap((tag) -> tag.thresholds().stream())
				.map(ExpiryThreshold::parse)
				.distinct()
				.toList());
		}
		return Optional.empty();
	}

	Effective of(EndpointDetails endpoint) {
		AlertStore.Overrides overrides = this.store.overrides(endpoint.id(), endpoint.tags());
		EndpointAlertSettings own = overrides.own();
		List<TagAlertSettings> tags = overrides.tags();
		RuleConfig global = RuleConfig.of(this.settings);
		Set<AlertRule> disabled = EnumSet.noneOf(AlertRule.class);
		List<String> disabledNames = new ArrayList<>(own.disabledRules());
		tags.forEach((tag) -> disabledNames.addAll(tag.disabledRules()));
		for (String name : disabledNames) {
			// Stored names were validated; a rule removed since is simply ignored.
			try {
				disabled.add(AlertRule.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				// ignored, see above
			}
		}
		Set<String> recipients = new LinkedHashSet<>(own.recipients());
		tags.forEach((tag) -> recipients.addAll(tag.recipients()));
		if (own.ownerEmail() != null) {
			recipients.add(own.ownerEmail());
		}
		return new Effective(global.with(disabled), List.copyOf(recipients));
	}

	/**
	 * The settings in force for one endpoint.
	 *
	 * @param rules what the rules use
	 * @param recipients who is told beyond the global list
	 */
	record Effective(RuleConfig rules, List<String> recipients) {
	}

}

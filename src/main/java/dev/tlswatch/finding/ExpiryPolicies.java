package dev.tlswatch.finding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The one source of expiry policies: the global thresholds and critical span from
 * {@code tlswatch.finding.expiry.*} (or the older {@code tlswatch.alert.*} keys), with an
 * endpoint's overrides applied. Setting a key under both names with different values
 * fails the start, naming the new key.
 */
@Component
class ExpiryPolicies {

	static final String THRESHOLDS_KEY = "tlswatch.finding.expiry.thresholds";

	static final String CRITICAL_WITHIN_KEY = "tlswatch.finding.expiry.critical-within";

	static final String LEGACY_THRESHOLDS_KEY = "tlswatch.alert.thresholds";

	static final String LEGACY_CRITICAL_WITHIN_KEY = "tlswatch.alert.critical-within";

	static final List<String> DEFAULT_THRESHOLDS = List.of("30", "14", "7", "3", "1");

	static final Duration DEFAULT_CRITICAL_WITHIN = Duration.ofDays(7);

	private static final int MAX_THRESHOLDS = 10;

	private final ExpiryPolicy global;

	private final List<String> configuredThresholds;

	/** Looked up once it exists: the bean factory's lookup cost every scan's judge. */
	private final SingletonSupplier<ExpiryOverrides> overrides;

	ExpiryPolicies(FindingSettings settings, Environment environment, ObjectProvider<ExpiryOverrides> overrides) {
		Binder binder = Binder.get(environment);
		List<String> legacyThresholds = binder.bind(LEGACY_THRESHOLDS_KEY, Bindable.listOf(String.class)).orElse(null);
		Duration legacyCritical = binder.bind(LEGACY_CRITICAL_WITHIN_KEY, Duration.class).orElse(null);
		List<String> thresholds = pick(settings.expiry().thresholds(), legacyThresholds, DEFAULT_THRESHOLDS,
				THRESHOLDS_KEY, LEGACY_THRESHOLDS_KEY);
		Duration criticalWithin = pick(settings.expiry().criticalWithin(), legacyCritical, DEFAULT_CRITICAL_WITHIN,
				CRITICAL_WITHIN_KEY, LEGACY_CRITICAL_WITHIN_KEY);
		this.configuredThresholds = thresholds.stream().map(String::strip).filter((t) -> !t.isEmpty()).toList();
		this.global = new ExpiryPolicy(parse(this.configuredThresholds), criticalWithin);
		this.overrides = SingletonSupplier.ofNullable(overrides::getIfAvailable);
	}

	private static <T> T pick(@Nullable T current, @Nullable T legacy, T fallback, String key, String legacyKey) {
		if (current != null && legacy != null && !current.equals(legacy)) {
			throw new IllegalStateException(
					legacyKey + " is now " + key + ": set only " + key + " (both are set, to different values)");
		}
		return Objects.requireNonNullElse((current != null) ? current : legacy, fallback);
	}

	private static List<ExpiryThreshold> parse(List<String> texts) {
		if (texts.isEmpty() || texts.size() > MAX_THRESHOLDS) {
			throw new IllegalStateException(
					THRESHOLDS_KEY + " must hold between 1 and " + MAX_THRESHOLDS + " thresholds");
		}
		List<ExpiryThreshold> parsed = new ArrayList<>();
		for (String text : texts) {
			try {
				parsed.add(ExpiryThreshold.parse(text));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(THRESHOLDS_KEY + ": '" + text + "' " + ex.getMessage(), ex);
			}
		}
		return List.copyOf(parsed);
	}

	/** The policy of endpoints without overrides. */
	ExpiryPolicy global() {
		return this.global;
	}

	/** The global thresholds as configured, for the settings page. */
	List<String> configuredThresholds() {
		return this.configuredThresholds;
	}

	/** The policy in force for one endpoint. */
	ExpiryPolicy forEndpoint(long endpointId) {
		ExpiryOverrides source = this.overrides.get();
		Optional<List<ExpiryThreshold>> own = (source != null) ? source.thresholds(endpointId) : Optional.empty();
		return own.filter((thresholds) -> !thresholds.isEmpty()).map(this.global::withThresholds).orElse(this.global);
	}

	/**
	 * The policies in force for several endpoints, from one batch of overrides.
	 * @param endpointIds the endpoints
	 * @return a policy for every endpoint asked for, in the order asked
	 */
	Map<Long, ExpiryPolicy> forEndpoints(Collection<Long> endpointIds) {
		ExpiryOverrides source = this.overrides.get();
		List<Long> ids = endpointIds.stream().distinct().toList();
		Map<Long, List<ExpiryThreshold>> own = (source != null && !ids.isEmpty()) ? source.thresholds(ids) : Map.of();
		Map<Long, ExpiryPolicy> policies = new LinkedHashMap<>();
		for (Long id : ids) {
			List<ExpiryThreshold> thresholds = own.get(id);
			policies.put(id, (thresholds != null && !thresholds.isEmpty()) ? this.global.withThresholds(thresholds)
					: this.global);
		}
		return policies;
	}

}

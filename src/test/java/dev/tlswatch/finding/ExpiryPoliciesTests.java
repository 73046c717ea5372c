package dev.tlswatch.finding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Where the expiry policy comes from: the new keys, the older {@code tlswatch.alert.*}
 * keys, the defaults, and an endpoint's overrides.
 */
class ExpiryPoliciesTests {

	private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	@Test
	void defaultsAreThirtyFourteenSevenThreeOneCriticalWithinSevenDays() {
		ExpiryPolicy policy = policies(new MockEnvironment(), null).global();

		assertThat(policy.thresholds()).extracting(ExpiryThreshold::toString)
			.containsExactly("30", "14", "7", "3", "1");
		assertThat(policy.criticalWithin()).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void olderAlertKeysStillSetThePolicy() {
		MockEnvironment environment = new MockEnvironment().withProperty("tlswatch.alert.thresholds", "10,3")
			.withProperty("tlswatch.alert.critical-within", "3d");

		ExpiryPolicy policy = policies(environment, null).global();

		assertThat(policy.thresholds()).extracting(ExpiryThreshold::toString).containsExactly("10", "3");
		assertThat(policy.criticalWithin()).isEqualTo(Duration.ofDays(3));
		assertThat(policy.level(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(20)), NOW))
			.isEqualTo(ExpiryLevel.FINE);
		assertThat(policy.level(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(5)), NOW))
			.isEqualTo(ExpiryLevel.WARNING);
		assertThat(policy.level(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(2)), NOW))
			.isEqualTo(ExpiryLevel.CRITICAL);
	}

	@Test
	void newKeysWinAndBothKeysWithDifferentValuesFailNamingTheNewKey() {
		FindingSettings settings = new FindingSettings(new FindingSettings.Expiry(List.of("21"), null));
		assertThat(new ExpiryPolicies(settings, new MockEnvironment(), provider(null)).global().thresholds())
			.extracting(ExpiryThreshold::toString)
			.containsExactly("21");

		MockEnvironment conflicting = new MockEnvironment().withProperty("tlswatch.alert.thresholds", "10");
		assertThatIllegalStateException().isThrownBy(() -> new ExpiryPolicies(settings, conflicting, provider(null)))
			.withMessageContaining("tlswatch.finding.expiry.thresholds");
	}

	@Test
	void invalidThresholdFailsTheStartNamingTheKey() {
		MockEnvironment environment = new MockEnvironment().withProperty("tlswatch.alert.thresholds", "thirty");

		assertThatIllegalStateException().isThrownBy(() -> policies(environment, null))
			.withMessageContaining("tlswatch.finding.expiry.thresholds")
			.withMessageContaining("thirty");
	}

	@Test
	void anEndpointsOverridesReplaceTheThresholdsButNotTheCriticalSpan() {
		ExpiryOverrides overrides = (endpointId) -> (endpointId == 7)
				? Optional.of(List.of(ExpiryThreshold.parse("45"))) : Optional.empty();

		ExpiryPolicies policies = policies(new MockEnvironment(), overrides);

		assertThat(policies.forEndpoint(7).thresholds()).extracting(ExpiryThreshold::toString).containsExactly("45");
		assertThat(policies.forEndpoint(7).criticalWithin()).isEqualTo(Duration.ofDays(7));
		assertThat(policies.forEndpoint(8)).isEqualTo(policies.global());
	}

	@Test
	void levelsAreDescribedInDaysWhenEveryThresholdIsADayCount() {
		ExpiryPolicy policy = policies(new MockEnvironment(), null).global();

		assertThat(policy.describe(ExpiryLevel.CRITICAL)).isEqualTo("critical: under 7 days");
		assertThat(policy.describe(ExpiryLevel.WARNING)).isEqualTo("warning: under 30 days");
		assertThat(policy.describe(ExpiryLevel.FINE)).isEqualTo("30 days or more");
		assertThat(policy.withThresholds(List.of(ExpiryThreshold.parse("33%"))).describe(ExpiryLevel.WARNING))
			.isEqualTo("warning: an expiry threshold is crossed");
	}

	private static ExpiryPolicies policies(MockEnvironment environment, ExpiryOverrides overrides) {
		return new ExpiryPolicies(new FindingSettings(new FindingSettings.Expiry(null, null)), environment,
				provider(overrides));
	}

	private static org.springframework.beans.factory.ObjectProvider<ExpiryOverrides> provider(
			ExpiryOverrides overrides) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		if (overrides != null) {
			beans.registerSingleton("overrides", overrides);
		}
		return beans.getBeanProvider(ExpiryOverrides.class);
	}

}

package dev.tlswatch.endpoint;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A bad network or host pattern in {@code tlswatch.scan-policy.*} stops the start with
 * one paragraph naming the entry.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScanPolicyFailureAnalyzerTests {

	@Test
	void aBadCidrIsNamedWithItsKeyAndWhatItShouldBe() {
		ScanPolicySettings settings = new ScanPolicySettings(true, true, false, false, true,
				List.of("10.0.0.0/8", "10.0.0.1/8"), List.of(), List.of(), List.of());

		assertThatExceptionOfType(InvalidScanPolicyException.class).isThrownBy(() -> new ScanTargetPolicy(settings))
			.satisfies((ex) -> {
				FailureAnalysis analysis = new ScanPolicyFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).isEqualTo("The scan target policy setting"
						+ " tlswatch.scan-policy.allow[1] is '10.0.0.1/8', which is not valid: " + ex.problem() + ".");
				assertThat(ex.problem()).contains("has bits set after the first 8");
				assertThat(analysis.getAction()).contains("TLSWATCH_SCANPOLICY_ALLOW", "10.0.0.0/8");
			});
	}

	@Test
	void aBadHostPatternToo() {
		ScanPolicySettings settings = new ScanPolicySettings(true, true, false, false, true, List.of(), List.of(),
				List.of(), List.of("exa mple.com"));

		assertThatExceptionOfType(InvalidScanPolicyException.class).isThrownBy(() -> new ScanTargetPolicy(settings))
			.satisfies((ex) -> assertThat(new ScanPolicyFailureAnalyzer().analyze(ex).getDescription())
				.startsWith("The scan target policy setting tlswatch.scan-policy.deny-hosts[0] is 'exa mple.com'"));
	}

	@Test
	void aStartWithABadCidrPrintsOneParagraphInsteadOfAStackTrace(CapturedOutput output) {
		SpringApplication application = new SpringApplication(PolicyOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatExceptionOfType(Exception.class).isThrownBy(
				() -> application.run("--tlswatch.scan-policy.deny=192.0.2.0/33", "--spring.main.banner-mode=off"));

		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
				"The scan target policy setting tlswatch.scan-policy.deny[0] is '192.0.2.0/33', which is not valid",
				"Action:", "Correct or remove tlswatch.scan-policy.deny[0]");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScanPolicySettings.class)
	@Import(ScanTargetPolicy.class)
	static class PolicyOnly {

	}

}

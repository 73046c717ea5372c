package dev.tlswatch.retention;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;

import dev.tlswatch.scan.ScanRetention;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Retention refuses to start when it would keep scans for a shorter time than a quick
 * check may refer to its endpoint's last full probe.
 */
class RetentionSettingsCheckTests {

	@Test
	void scansInFullShorterThanTheFullProbeMaxAgeIsRefusedNamingBothKeys() {
		assertThatIllegalStateException().isThrownBy(() -> service(Duration.ofDays(1), Duration.ofDays(7)))
			.withMessageContaining("tlswatch.retention.scans-in-full (PT24H)")
			.withMessageContaining("tlswatch.scan.full-probe-max-age (PT168H)");
		assertThatNoException().isThrownBy(() -> service(Duration.ofDays(7), Duration.ofDays(7)));
		assertThatNoException().isThrownBy(() -> service(Duration.ofDays(90), Duration.ofHours(24)));
	}

	private static RetentionService service(Duration scansInFull, Duration fullProbeMaxAge) {
		ScanRetention scans = (ScanRetention) Proxy.newProxyInstance(RetentionSettingsCheckTests.class.getClassLoader(),
				new Class<?>[] { ScanRetention.class }, (proxy, method, args) -> {
					if (method.getName().equals("referencedFor")) {
						return fullProbeMaxAge;
					}
					throw new UnsupportedOperationException(method.getName());
				});
		RetentionSettings settings = new RetentionSettings(true, scansInFull, Duration.ofDays(30), Duration.ofDays(365),
				Duration.ofHours(6), 500);
		return new RetentionService(scans, null, null, null, settings, null, null, null, Clock.systemUTC());
	}

}

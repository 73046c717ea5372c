package dev.tlswatch.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' one formatter of counts and instants.
 */
class FmtTests {

	@Test
	void countsTakeTheSingularOnlyForOne() {
		assertThat(Fmt.count(0, "user", "users")).isEqualTo("0 users");
		assertThat(Fmt.count(1, "user", "users")).isEqualTo("1 user");
		assertThat(Fmt.count(2, "endpoint", "endpoints")).isEqualTo("2 endpoints");
	}

	@Test
	void instantsBecomeTheTimestampOfTheTimeFragmentsToTheSecond() {
		Timestamp timestamp = Fmt.instant(Instant.parse("2026-11-27T09:04:44.987Z"));

		assertThat(timestamp).isEqualTo(new Timestamp("2026-11-27T09:04:44Z", "2026-11-27 09:04 UTC"));
		assertThat(Fmt.instant(null)).isNull();
	}

}

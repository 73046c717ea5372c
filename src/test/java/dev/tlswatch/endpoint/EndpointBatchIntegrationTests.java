package dev.tlswatch.endpoint;

import java.util.List;
import java.util.UUID;

import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Endpoints#registerAll(List)} and {@link Endpoints#validate(EndpointDraft)} on a
 * real database: all drafts or none, and checking without storing.
 */
@IntegrationTest
class EndpointBatchIntegrationTests {

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void registerAllStoresEveryDraftInOrder() {
		String a = uniqueHost();
		String b = uniqueHost();

		List<EndpointDetails> stored = this.endpoints.registerAll(List.of(draft(a, 443), draft(b, 25)));

		assertThat(stored).extracting(EndpointDetails::host).containsExactly(a, b);
		assertThat(count(a) + count(b)).isEqualTo(2);
	}

	@Test
	void anInvalidDraftRollsBackTheOnesBeforeIt() {
		String a = uniqueHost();

		assertThatExceptionOfType(InvalidEndpointException.class)
			.isThrownBy(() -> this.endpoints.registerAll(List.of(draft(a, 443), draft(uniqueHost(), 0))));

		assertThat(count(a)).isZero();
	}

	@Test
	void aDuplicateWithinTheListRollsBackEverything() {
		String a = uniqueHost();

		assertThatExceptionOfType(DuplicateEndpointException.class)
			.isThrownBy(() -> this.endpoints.registerAll(List.of(draft(a, 443), draft(a.toUpperCase(), 443))));

		assertThat(count(a)).isZero();
	}

	@Test
	void validateNormalisesChecksDuplicatesAndStoresNothing() {
		String a = uniqueHost();

		assertThat(this.endpoints.validate(draft(" " + a.toUpperCase() + ". ", 443))).isEqualTo(a + ":443");
		assertThat(count(a)).isZero();
		assertThatExceptionOfType(InvalidEndpointException.class)
			.isThrownBy(() -> this.endpoints.validate(draft(a, 70000)))
			.satisfies((ex) -> assertThat(ex.getViolations()).extracting(InvalidEndpointException.FieldViolation::field)
				.containsExactly("port"));
		EndpointDetails registered = this.endpoints.register(draft(a, 443));
		assertThatExceptionOfType(DuplicateEndpointException.class)
			.isThrownBy(() -> this.endpoints.validate(draft(a, 443)))
			.satisfies((ex) -> assertThat(ex.getExistingId()).isEqualTo(registered.id()));
	}

	private static EndpointDraft draft(String host, int port) {
		return new EndpointDraft(host, port, TlsMode.IMPLICIT, null, 60, List.of(), false);
	}

	private static String uniqueHost() {
		return "batch-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
	}

	private int count(String host) {
		Integer count = this.jdbc.queryForObject("select count(*) from endpoint where host = ?", Integer.class, host);
		return (count != null) ? count : 0;
	}

}

package dev.tlswatch.probe;

import java.util.ArrayList;
import java.util.List;

import dev.tlswatch.probe.Observed.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Observed} and {@link FeatureReport}: a value exactly when observed.
 */
class ObservedTests {

	@Test
	void onlyAnObservationHasAValue() {
		assertThat(Observed.of(false, null).known()).isTrue();
		assertThat(Observed.notApplicable("TLS 1.3 only").known()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Observed<>(true, Status.ERROR, "bad"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Observed<Boolean>(null, Status.OBSERVED, null));
		assertThatIllegalArgumentException().isThrownBy(() -> Observed.none(Status.OBSERVED, "no value"));
	}

	@Test
	void detailIsBounded() {
		Observed<Boolean> observed = Observed.none(Status.ERROR, "x".repeat(600));

		assertThat(observed.detail()).hasSize(Observed.MAX_DETAIL_LENGTH);
	}

	@Test
	void reportKeepsItsOwnCopyOfTheProtocols() {
		List<String> protocols = new ArrayList<>(List.of("h2"));
		Observed<Boolean> none = Observed.notApplicable("n/a");

		FeatureReport report = new FeatureReport(Observed.of(protocols, null), none, none, none, 0);
		protocols.add("http/1.1");

		assertThat(report.alpn().value()).containsExactly("h2");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FeatureReport(Observed.of(List.of(), null), none, none, none, -1));
	}

}

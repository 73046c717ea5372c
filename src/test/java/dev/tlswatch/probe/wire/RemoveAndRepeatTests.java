package dev.tlswatch.probe.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.tlswatch.probe.wire.Choice.Chosen;
import dev.tlswatch.probe.wire.Choice.Failed;
import dev.tlswatch.probe.wire.Choice.Refused;
import dev.tlswatch.probe.wire.RemoveAndRepeat.Pass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RemoveAndRepeat} against servers made of a function, counting their
 * ClientHellos.
 */
class RemoveAndRepeatTests {

	private final List<List<Integer>> offers = new ArrayList<>();

	@Test
	void serverOrderIsFoundInOneHelloPerAcceptedCodePlusOne() {
		Pass pass = RemoveAndRepeat.run(List.of(1, 2, 3, 4, 5, 6), server(List.of(5, 2, 4)));

		assertThat(pass.found()).containsExactly(5, 2, 4);
		assertThat(pass.refusal()).isEqualTo(new Refused("no", true));
		assertThat(pass.incompleteReason()).isNull();
		assertThat(this.offers).containsExactly(List.of(1, 2, 3, 4, 5, 6), List.of(1, 2, 3, 4, 6), List.of(1, 3, 4, 6),
				List.of(1, 3, 6));
	}

	@Test
	void serverThatAcceptsEverythingNeedsNoRefusal() {
		Pass pass = RemoveAndRepeat.run(List.of(1, 2), server(List.of(2, 1)));

		assertThat(pass.found()).containsExactly(2, 1);
		assertThat(pass.refusal()).isNull();
		assertThat(pass.incompleteReason()).isNull();
		assertThat(this.offers).hasSize(2);
	}

	@Test
	void codeThatWasNotOfferedEndsTheRun() {
		Pass pass = RemoveAndRepeat.run(List.of(1, 2, 3), record((offered) -> new Chosen(1)));

		assertThat(pass.found()).containsExactly(1);
		assertThat(pass.incompleteReason()).isEqualTo("The server chose 0x0001, which was not offered");
		assertThat(this.offers).hasSize(2);
	}

	@Test
	void failureKeepsWhatWasFound() {
		Pass pass = RemoveAndRepeat.run(List.of(1, 2, 3),
				record((offered) -> offered.contains(1) ? new Chosen(1) : new Failed("timeout")));

		assertThat(pass.found()).containsExactly(1);
		assertThat(pass.incompleteReason()).isEqualTo("timeout");
		assertThat(pass.refusedOutright()).isFalse();
	}

	@Test
	void closeOnTheFirstHelloMayBeAFailureOnTheHelloItself() {
		Pass pass = RemoveAndRepeat.run(List.of(1, 2, 3), record((offered) -> new Refused("closed", false)));

		assertThat(pass.refusedOutright()).isTrue();
		assertThat(RemoveAndRepeat.run(List.of(1), record((offered) -> new Refused("alert", true))).refusedOutright())
			.isFalse();
	}

	@Test
	void rankingNeedsNoHelloForTheLastCode() {
		Pass pass = RemoveAndRepeat.rank(List.of(1, 2, 3), server(List.of(3, 1, 2)));

		assertThat(pass.found()).containsExactly(3, 1, 2);
		assertThat(this.offers).containsExactly(List.of(1, 2, 3), List.of(1, 2));
	}

	/** Chooses by its own order among the codes offered; refuses when none is left. */
	private Function<List<Integer>, Choice> server(List<Integer> preference) {
		return record((offered) -> preference.stream()
			.filter(offered::contains)
			.findFirst()
			.<Choice>map(Chosen::new)
			.orElse(new Refused("no", true)));
	}

	private Function<List<Integer>, Choice> record(Function<List<Integer>, Choice> server) {
		return (offered) -> {
			this.offers.add(offered);
			return server.apply(offered);
		};
	}

}

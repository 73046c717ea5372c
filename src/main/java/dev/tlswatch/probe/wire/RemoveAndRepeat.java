package dev.tlswatch.probe.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.tlswatch.probe.wire.Choice.Chosen;
import dev.tlswatch.probe.wire.Choice.Failed;
import dev.tlswatch.probe.wire.Choice.Refused;
import org.jspecify.annotations.Nullable;

/**
 * The enumeration loop of the wire probes: offer every code left, note the one the server
 * chooses, take it out, offer the rest again, until the server refuses. Against a server
 * that keeps to the rules it ends after one ClientHello per accepted code plus one; a
 * server that chooses a code it was not offered ends it at once, and however the server
 * behaves it never takes more than the codes offered plus two ClientHellos.
 */
final class RemoveAndRepeat {

	private RemoveAndRepeat() {
	}

	/**
	 * Enumerate until the server refuses or nothing is left.
	 * @param offer the codes, in the order to offer them
	 * @param attempt offers the codes left in one ClientHello; a {@link Chosen} code must
	 * be one of those offered
	 * @return what was found and how it ended
	 */
	static Pass run(List<Integer> offer, Function<List<Integer>, Choice> attempt) {
		return run(offer, 0, attempt);
	}

	/**
	 * Put codes the server is known to accept in its order of preference: the last code
	 * left needs no ClientHello of its own.
	 * @param accepted the codes, each accepted
	 * @param attempt offers the codes left in one ClientHello
	 * @return the codes in the order the server chose them
	 */
	static Pass rank(List<Integer> accepted, Function<List<Integer>, Choice> attempt) {
		return run(accepted, 1, attempt);
	}

	private static Pass run(List<Integer> offer, int leftOver, Function<List<Integer>, Choice> attempt) {
		List<Integer> remaining = new ArrayList<>(offer);
		List<Integer> found = new ArrayList<>();
		int maxAttempts = offer.size() + 2;
		for (int attempts = 0; attempts < maxAttempts && remaining.size() > leftOver; attempts++) {
			Choice choice = attempt.apply(List.copyOf(remaining));
			switch (choice) {
				case Chosen chosen when remaining.contains(chosen.code()) -> {
					found.add(chosen.code());
					remaining.remove(Integer.valueOf(chosen.code()));
				}
				case Chosen chosen -> {
					return new Pass(found, null,
							"The server chose " + Hex.u16(chosen.code()) + ", which was not offered");
				}
				case Refused refused -> {
					return new Pass(found, refused, null);
				}
				case Failed failed -> {
					return new Pass(found, null, failed.reason());
				}
			}
		}
		if (remaining.size() > leftOver) {
			return new Pass(found, null, "No end after " + maxAttempts + " ClientHellos");
		}
		found.addAll(remaining);
		return new Pass(found, null, null);
	}

	/**
	 * How a run ended.
	 *
	 * @param found the codes chosen, in the order chosen
	 * @param refusal how the server refused the codes left, {@code null} if it accepted
	 * every code or the run was cut short
	 * @param incompleteReason why the run was cut short, {@code null} if it was not
	 */
	record Pass(List<Integer> found, @Nullable Refused refusal, @Nullable String incompleteReason) {

		Pass {
			found = List.copyOf(found);
		}

		/**
		 * Whether the server refused even the first ClientHello without saying that
		 * nothing fits: it may have failed on the ClientHello itself.
		 * @return whether a smaller ClientHello might fare better
		 */
		boolean refusedOutright() {
			Refused refused = this.refusal;
			return this.found.isEmpty() && refused != null && !refused.noCommonChoice();
		}

	}

}

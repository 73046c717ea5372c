package dev.tlswatch.probe.wire;

import java.util.Objects;

import dev.tlswatch.probe.wire.ServerResponse.AlertReceived;
import dev.tlswatch.probe.wire.ServerResponse.Closed;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;

/**
 * What one ClientHello of an enumerating probe learnt: the server chose one of the codes
 * offered (a suite, a group), refused them all, or the attempt says nothing.
 */
sealed interface Choice {

	/**
	 * A refusal by alert; only handshake_failure, insufficient_security and
	 * protocol_version say "nothing offered fits".
	 * @param alert the alert
	 * @return the refusal
	 */
	static Refused refused(AlertReceived alert) {
		int description = alert.description();
		boolean noCommonChoice = description == AlertDescription.HANDSHAKE_FAILURE.code()
				|| description == AlertDescription.INSUFFICIENT_SECURITY.code()
				|| description == AlertDescription.PROTOCOL_VERSION.code();
		return new Refused("Alert: " + AlertDescription.describe(alert.level(), description), noCommonChoice);
	}

	/**
	 * A refusal by closing the connection.
	 * @param closed how it was closed
	 * @return the refusal
	 */
	static Refused refused(Closed closed) {
		return new Refused(
				closed.reset() ? "Connection reset without an answer" : "Connection closed without an answer", false);
	}

	/**
	 * No answer in time.
	 * @return the failure
	 */
	static Failed timedOut() {
		return new Failed("No answer within the handshake timeout");
	}

	/**
	 * An answer that does not parse.
	 * @param malformed what was wrong
	 * @return the failure
	 */
	static Failed failed(Malformed malformed) {
		return new Failed("Answer not understood: " + malformed.reason());
	}

	/**
	 * The server chose one of the codes offered.
	 *
	 * @param code the code
	 */
	record Chosen(int code) implements Choice {

	}

	/**
	 * The server accepts none of the codes offered.
	 *
	 * @param reason how it said so
	 * @param noCommonChoice whether an alert said so explicitly; a close may also be a
	 * server that fails on the ClientHello itself
	 */
	record Refused(String reason, boolean noCommonChoice) implements Choice {

		public Refused {
			Objects.requireNonNull(reason, "reason");
		}

	}

	/**
	 * Nothing was learnt: no connection, no answer in time, an answer not understood or
	 * one that breaks the rules (a code or version that was not offered).
	 *
	 * @param reason what happened
	 */
	record Failed(String reason) implements Choice {

		public Failed {
			Objects.requireNonNull(reason, "reason");
		}

	}

}

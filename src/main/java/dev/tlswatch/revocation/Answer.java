package dev.tlswatch.revocation;

import java.time.Instant;

import dev.tlswatch.probe.Revocation;

import org.jspecify.annotations.Nullable;

/**
 * One answer about one certificate, and until when it holds.
 *
 * @param revocation the answer
 * @param nextUpdate when the answer no longer holds (the response's or CRL's nextUpdate),
 * {@code null} when it names none or the answer is not decisive
 */
record Answer(Revocation revocation, @Nullable Instant nextUpdate) {

	static Answer unknown(String why) {
		return new Answer(Revocation.unknown(why), null);
	}

	/**
	 * Whether the answer settles the question: good or revoked.
	 * @return whether it is decisive
	 */
	boolean decisive() {
		return this.revocation.status() == Revocation.Status.GOOD
				|| this.revocation.status() == Revocation.Status.REVOKED;
	}

}

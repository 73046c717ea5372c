package dev.tlswatch.probe;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One observation of a probe, and whether it could be made at all: only
 * {@link Status#OBSERVED} carries a value, every other status says why there is none.
 * Unknown is not false.
 *
 * @param <T> the type of the value
 * @param value what was observed; present exactly when the status is
 * {@link Status#OBSERVED}
 * @param status whether the value was observed, and if not, why not
 * @param detail what the server's answer was, or why there is none, in a few words
 * (bounded to {@value #MAX_DETAIL_LENGTH} characters); {@code null} when there is nothing
 * to add
 */
public record Observed<T>(@Nullable T value, Status status, @Nullable String detail) {

	/** Characters kept of a detail text. */
	public static final int MAX_DETAIL_LENGTH = 500;

	public Observed {
		Objects.requireNonNull(status, "status");
		if ((status == Status.OBSERVED) != (value != null)) {
			throw new IllegalArgumentException(
					"An observation has a value exactly when its status is OBSERVED, not " + status);
		}
		if (detail != null && detail.length() > MAX_DETAIL_LENGTH) {
			detail = detail.substring(0, MAX_DETAIL_LENGTH);
		}
	}

	/**
	 * A value the server's answer showed.
	 * @param <T> the type of the value
	 * @param value the value
	 * @param detail the answer in a few words, or {@code null}
	 * @return the observation
	 */
	public static <T> Observed<T> of(T value, @Nullable String detail) {
		return new Observed<>(Objects.requireNonNull(value, "value"), Status.OBSERVED, detail);
	}

	/**
	 * No value, and why not.
	 * @param <T> the type the value would have
	 * @param status any status but {@link Status#OBSERVED}
	 * @param reason why there is no value
	 * @return the observation
	 */
	public static <T> Observed<T> none(Status status, String reason) {
		return new Observed<>(null, status, Objects.requireNonNull(reason, "reason"));
	}

	/**
	 * The question does not apply to this server.
	 * @param <T> the type the value would have
	 * @param reason why not
	 * @return the observation
	 */
	public static <T> Observed<T> notApplicable(String reason) {
		return none(Status.NOT_APPLICABLE, reason);
	}

	/**
	 * Whether a value was observed.
	 * @return whether the status is {@link Status#OBSERVED}
	 */
	public boolean known() {
		return this.status == Status.OBSERVED;
	}

	/**
	 * Why an observation has a value or has none.
	 */
	public enum Status {

		/** The server's answer showed the value. */
		OBSERVED,

		/**
		 * The question does not apply to this server: a TLS 1.3-only server has no
		 * renegotiation and no compression, and a server of one version cannot be asked
		 * about a fallback.
		 */
		NOT_APPLICABLE,

		/**
		 * The question could not be put: no connection, a failed STARTTLS dialogue, or an
		 * answer (an alert, a close) that says nothing about it.
		 */
		COULD_NOT_TEST,

		/** Connect or answer did not come within the timeouts. */
		TIMED_OUT,

		/**
		 * The answer broke the protocol (a malformed ServerHello, a choice that was not
		 * offered), or the probe failed locally.
		 */
		ERROR

	}

}

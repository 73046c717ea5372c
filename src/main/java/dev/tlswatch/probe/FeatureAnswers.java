package dev.tlswatch.probe;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Answers to feature questions that ClientHellos of a suite enumeration carried along, so
 * that the {@link FeatureProber} need not ask them on connections of their own. Each
 * answer is {@code null} when it was not asked.
 *
 * @param version the version the hellos offered, {@code null} when nothing was asked
 * @param alpnPreferred the ALPN choice from {@code [h2, http/1.1]}
 * @param alpnAlone the ALPN choice from {@code [http/1.1]}
 * @param secureRenegotiation whether the ServerHello carried renegotiation_info
 * @param compression whether the server chose DEFLATE when offered before null
 * @param heartbeat whether the ServerHello took up the heartbeat extension offered (RFC
 * 6520): without it, heartbeats (and so Heartbleed) are out of the question
 * @param sessionTicket whether the ServerHello took up the empty session_ticket extension
 * offered (RFC 5077 §3.2): without it, the server issues no ticket (and so Ticketbleed is
 * out of the question)
 */
public record FeatureAnswers(@Nullable TlsVersion version, @Nullable Observed<List<String>> alpnPreferred,
		@Nullable Observed<List<String>> alpnAlone, @Nullable Observed<Boolean> secureRenegotiation,
		@Nullable Observed<Boolean> compression, @Nullable Observed<Boolean> heartbeat,
		@Nullable Observed<Boolean> sessionTicket) {

	/** Nothing asked. */
	public static final FeatureAnswers NONE = new FeatureAnswers(null, null, null, null, null);

	/**
	 * Answers without the heartbeat and session_ticket questions.
	 * @param version the version the hellos offered
	 * @param alpnPreferred the ALPN choice from {@code [h2, http/1.1]}
	 * @param alpnAlone the ALPN choice from {@code [http/1.1]}
	 * @param secureRenegotiation whether the ServerHello carried renegotiation_info
	 * @param compression whether the server chose DEFLATE
	 */
	public FeatureAnswers(@Nullable TlsVersion version, @Nullable Observed<List<String>> alpnPreferred,
			@Nullable Observed<List<String>> alpnAlone, @Nullable Observed<Boolean> secureRenegotiation,
			@Nullable Observed<Boolean> compression) {
		this(version, alpnPreferred, alpnAlone, secureRenegotiation, compression, null, null);
	}

	/**
	 * A known answer for the given version, if one was found.
	 * @param <T> the answer's type
	 * @param asked the version the prober would ask in
	 * @param answer an answer of this record
	 * @return the answer if it was asked in that version and is known, else {@code null}
	 */
	public <T> @Nullable Observed<T> usable(@Nullable TlsVersion asked, @Nullable Observed<T> answer) {
		return (asked != null && asked == this.version && answer != null && answer.known()) ? answer : null;
	}

}

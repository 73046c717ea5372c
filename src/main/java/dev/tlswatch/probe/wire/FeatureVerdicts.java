package dev.tlswatch.probe.wire;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.wire.HelloExchange.Answer;
import dev.tlswatch.probe.wire.ServerResponse.AlertReceived;
import dev.tlswatch.probe.wire.ServerResponse.Closed;
import dev.tlswatch.probe.wire.ServerResponse.HelloRetryRequested;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import dev.tlswatch.probe.wire.ServerResponse.TimedOut;

/**
 * Decides what a server's answer to a ClientHello of TLS 1.2 or older says about one
 * feature. Only a ServerHello that keeps to what was offered (a version no higher, a
 * suite and compression method from the list) counts; an alert or a close says nothing
 * unless the question expects it (inappropriate_fallback, no_application_protocol).
 * Malformed answers are errors, never a "no".
 */
final class FeatureVerdicts {

	/** The prefix of every error about the answer itself. */
	static final String MALFORMED = "malformed ServerHello: ";

	private FeatureVerdicts() {
	}

	/**
	 * RFC 5746 §3.6: a server that supports secure renegotiation answers a ClientHello
	 * with renegotiation_info (or, for SSL 3.0, its SCSV) with renegotiation_info.
	 * @param offered the version offered
	 * @param answer the answer
	 * @return whether the ServerHello carries renegotiation_info
	 */
	static Observed<Boolean> secureRenegotiation(TlsVersion offered, Answer answer) {
		return secureRenegotiation(offered, false, answer);
	}

	/**
	 * Secure renegotiation from a ClientHello that may also have offered DEFLATE (the
	 * compression question shares its connection).
	 * @param offered the version offered
	 * @param deflateOffered whether DEFLATE was offered before null compression
	 * @param answer the answer
	 * @return whether the ServerHello carries renegotiation_info
	 */
	static Observed<Boolean> secureRenegotiation(TlsVersion offered, boolean deflateOffered, Answer answer) {
		return judge(offered, deflateOffered, answer, (hello) -> {
			boolean supported = hello.features().renegotiationInfo();
			return Observed.of(supported, (supported ? "renegotiation_info in the " : "No renegotiation_info in the ")
					+ hello.version().displayName() + " ServerHello");
		}, FeatureVerdicts::alertSaysNothing);
	}

	/**
	 * Whether a server offered DEFLATE before null compression (RFC 3749) chose it.
	 * @param offered the version offered
	 * @param answer the answer
	 * @return whether the ServerHello chose DEFLATE
	 */
	static Observed<Boolean> compression(TlsVersion offered, Answer answer) {
		return judge(offered, true, answer, (hello) -> {
			boolean deflate = hello.features().compressionMethod() == Handshakes.DEFLATE_COMPRESSION;
			return Observed.of(deflate, "The " + hello.version().displayName() + " ServerHello chose "
					+ (deflate ? "DEFLATE" : "null compression"));
		}, FeatureVerdicts::alertSaysNothing);
	}

	/**
	 * RFC 7507 §3: a server that accepts a higher version than a ClientHello with
	 * TLS_FALLBACK_SCSV offers refuses it with inappropriate_fallback.
	 * @param offered the lower version offered, with the SCSV
	 * @param answer the answer
	 * @return {@code true} on inappropriate_fallback, {@code false} on a ServerHello
	 */
	static Observed<Boolean> fallbackScsv(TlsVersion offered, Answer answer) {
		return judge(offered, false, answer,
				(hello) -> Observed.of(false,
						"The server answered " + offered.displayName() + " with TLS_FALLBACK_SCSV with a "
								+ hello.version().displayName() + " ServerHello"),
				(alert) -> (alert.description() == AlertDescription.INAPPROPRIATE_FALLBACK.code())
						? Observed.of(true, alertText(alert)) : alertSaysNothing(alert));
	}

	/**
	 * RFC 7301 §3.2: the protocol the server chose from those offered, none if its
	 * ServerHello has no ALPN extension or it refused with no_application_protocol.
	 * @param offered the version offered
	 * @param protocols the protocols offered
	 * @param answer the answer
	 * @return the chosen protocol alone, or an empty list
	 */
	static Observed<List<String>> applicationProtocol(TlsVersion offered, List<String> protocols, Answer answer) {
		return judge(offered, false, answer, (hello) -> {
			String chosen = hello.features().applicationProtocol();
			if (chosen == null) {
				return Observed.of(List.of(), "No protocol chosen from " + protocols);
			}
			if (!protocols.contains(chosen)) {
				return error("it chose ALPN protocol " + quoted(chosen) + ", which was not offered");
			}
			return Observed.of(List.of(chosen), chosen + " chosen from " + protocols);
		}, (alert) -> (alert.description() == AlertDescription.NO_APPLICATION_PROTOCOL.code())
				? Observed.of(List.of(), alertText(alert) + " to " + protocols) : alertSaysNothing(alert));
	}

	/**
	 * The protocols chosen when offered two lists, each choice once, in order; unknown if
	 * either choice is.
	 * @param first the choice from the first list
	 * @param firstOffer the first list
	 * @param second the choice from the second list
	 * @param secondOffer the second list
	 * @return the choices
	 */
	static Observed<List<String>> applicationProtocols(Observed<List<String>> first, List<String> firstOffer,
			Observed<List<String>> second, List<String> secondOffer) {
		List<String> firstChoice = first.value();
		List<String> secondChoice = second.value();
		if (first.status() == Status.NOT_APPLICABLE) {
			return first;
		}
		if (firstChoice == null) {
			return Observed.none(first.status(), first.detail() + " (offering " + firstOffer + ")");
		}
		if (secondChoice == null) {
			return Observed.none(second.status(), second.detail() + " (offering " + secondOffer + ")");
		}
		Set<String> chosen = new LinkedHashSet<>(firstChoice);
		chosen.addAll(secondChoice);
		return Observed.of(List.copyOf(chosen), first.detail() + "; " + second.detail());
	}

	/**
	 * The verdict on an answer: a ServerHello that keeps to the offer goes to the
	 * feature's own judge, an alert to the alert judge, anything else is not known.
	 */
	private static <T> Observed<T> judge(TlsVersion offered, boolean deflateOffered, Answer answer,
			Function<Hello, Observed<T>> serverHello, Function<AlertReceived, Observed<T>> alert) {
		return switch (answer.response()) {
			case ServerHelloReceived hello -> checked(offered, deflateOffered, hello,
					Objects.requireNonNull(answer.features(), "features"), serverHello);
			case HelloRetryRequested retry ->
				error("HelloRetryRequest to a ClientHello offering " + offered.displayName());
			case AlertReceived received -> alert.apply(received);
			case Closed closed -> Observed.none(Status.COULD_NOT_TEST,
					closed.reset() ? "Connection reset without an answer" : "Connection closed without an answer");
			case TimedOut timedOut -> Observed.none(Status.TIMED_OUT, "No answer within the handshake timeout");
			case Malformed malformed -> error(malformed.reason());
		};
	}

	private static <T> Observed<T> checked(TlsVersion offered, boolean deflateOffered, ServerHelloReceived hello,
			ServerHelloFeatures features, Function<Hello, Observed<T>> judge) {
		TlsVersion version = TlsVersion.ofCode(hello.version());
		// SSL 2.0 has another record format: its code in a TLS ServerHello is nonsense
		if (version == null || version == TlsVersion.SSL_2_0 || version.compareTo(offered) > 0) {
			return error("it chose " + versionName(hello.version()) + ", which was not offered");
		}
		if (!CipherSuite.isOffered(hello.cipherSuite(), offered)) {
			return error("it chose cipher suite " + Hex.u16(hello.cipherSuite()) + ", which was not offered");
		}
		int compression = features.compressionMethod();
		if (compression != Handshakes.NULL_COMPRESSION
				&& !(deflateOffered && compression == Handshakes.DEFLATE_COMPRESSION)) {
			return error("it chose compression method " + compression + ", which was not offered");
		}
		return judge.apply(new Hello(version, features));
	}

	private static <T> Observed<T> alertSaysNothing(AlertReceived alert) {
		return Observed.none(Status.COULD_NOT_TEST, alertText(alert));
	}

	private static String alertText(AlertReceived alert) {
		return "Alert: " + AlertDescription.describe(alert.level(), alert.description());
	}

	private static <T> Observed<T> error(String reason) {
		return Observed.none(Status.ERROR, MALFORMED + reason);
	}

	/** A protocol name from the server: as it is when printable, in hex otherwise. */
	private static String quoted(String name) {
		if (name.chars().allMatch((c) -> c >= 0x20 && c < 0x7F)) {
			return "\"" + name + "\"";
		}
		StringBuilder text = new StringBuilder("0x");
		name.chars().forEach((c) -> text.append(String.format("%02x", c)));
		return text.toString();
	}

	private static String versionName(int code) {
		TlsVersion version = TlsVersion.ofCode(code);
		return (version != null) ? version.displayName() : "version " + Hex.u16(code);
	}

	/**
	 * A ServerHello that keeps to the offer.
	 */
	private record Hello(TlsVersion version, ServerHelloFeatures features) {

	}

}

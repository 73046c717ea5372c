package dev.tlswatch.probe.wire;

import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.probe.wire.ServerResponse.AlertReceived;
import dev.tlswatch.probe.wire.ServerResponse.Closed;
import dev.tlswatch.probe.wire.ServerResponse.HelloRetryRequested;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import dev.tlswatch.probe.wire.ServerResponse.TimedOut;

/**
 * Decides what a server's answer to a ClientHello offering one version says about that
 * version. A version counts as accepted only on a ServerHello for exactly that version
 * with a suite that was offered, or, for TLS 1.3, a HelloRetryRequest; a ServerHello for
 * a lower version is a downgrade, so a refusal. An answer that breaks the protocol proves
 * nothing either way.
 */
final class VersionVerdicts {

	private VersionVerdicts() {
	}

	/**
	 * The verdict on one version.
	 * @param offered the version the ClientHello offered
	 * @param response what the server answered
	 * @return the verdict and its detail
	 */
	static VersionSupport judge(TlsVersion offered, ServerResponse response) {
		return switch (response) {
			case ServerHelloReceived hello -> serverHello(offered, hello);
			case HelloRetryRequested retry -> helloRetryRequest(offered, retry);
			case AlertReceived alert -> result(offered, VersionVerdict.REJECTED,
					"Alert: " + AlertDescription.describe(alert.level(), alert.description()));
			case Closed closed -> result(offered, VersionVerdict.REJECTED,
					closed.reset() ? "Connection reset without an answer" : "Connection closed without an answer");
			case TimedOut timedOut -> result(offered, VersionVerdict.TIMEOUT, "No answer within the handshake timeout");
			case Malformed malformed ->
				result(offered, VersionVerdict.ERROR, "Answer not understood: " + malformed.reason());
		};
	}

	private static VersionSupport serverHello(TlsVersion offered, ServerHelloReceived hello) {
		if (hello.version() < offered.code()) {
			return result(offered, VersionVerdict.REJECTED,
					"Downgrade: the server chose " + versionName(hello.version()));
		}
		if (hello.version() > offered.code()) {
			return result(offered, VersionVerdict.ERROR,
					"The server chose " + versionName(hello.version()) + ", which was not offered");
		}
		if (!CipherSuite.isOffered(hello.cipherSuite(), offered)) {
			return result(offered, VersionVerdict.ERROR,
					"The server chose cipher suite " + Hex.u16(hello.cipherSuite()) + ", which was not offered");
		}
		Integer group = hello.group();
		String suite = CipherSuite.nameOf(hello.cipherSuite());
		return result(offered, VersionVerdict.ACCEPTED,
				(group != null) ? suite + ", " + NamedGroup.nameOf(group) : suite);
	}

	/** RFC 8446 §4.1.4: only a TLS 1.3 server sends one, so it accepts TLS 1.3. */
	private static VersionSupport helloRetryRequest(TlsVersion offered, HelloRetryRequested retry) {
		if (offered != TlsVersion.TLS_1_3) {
			return result(offered, VersionVerdict.ERROR,
					"HelloRetryRequest to a ClientHello offering " + offered.displayName());
		}
		if (!CipherSuite.isOffered(retry.cipherSuite(), offered)) {
			return result(offered, VersionVerdict.ERROR,
					"The server chose cipher suite " + Hex.u16(retry.cipherSuite()) + ", which was not offered");
		}
		Integer group = retry.group();
		return result(offered, VersionVerdict.ACCEPTED,
				"HelloRetryRequest " + ((group != null) ? "for " + NamedGroup.nameOf(group) : "without a group") + ", "
						+ CipherSuite.nameOf(retry.cipherSuite()));
	}

	/**
	 * A version code in words.
	 * @param code the two-byte code
	 * @return {@code TLS 1.2}, or {@code version 0x7f1c} for a code of no version
	 */
	static String versionName(int code) {
		TlsVersion version = TlsVersion.ofCode(code);
		return (version != null) ? version.displayName() : "version " + Hex.u16(code);
	}

	private static VersionSupport result(TlsVersion version, VersionVerdict verdict, String detail) {
		return new VersionSupport(version, verdict, detail);
	}

}

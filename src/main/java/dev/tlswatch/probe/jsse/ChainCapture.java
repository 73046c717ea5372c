package dev.tlswatch.probe.jsse;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.jspecify.annotations.Nullable;

/**
 * A client-side trust manager that accepts any server chain and keeps it exactly as sent,
 * so that untrusted, expired or misnamed certificates are still recorded; trust is judged
 * afterwards. One instance per handshake.
 * <p>
 * It extends {@link X509ExtendedTrustManager} so that JSSE uses it as it is: a plain
 * {@code X509TrustManager} would be wrapped with extra algorithm and host name checks
 * that fail the handshake before the chain can be looked at.
 */
final class ChainCapture extends X509ExtendedTrustManager {

	private static final X509Certificate[] NO_ISSUERS = {};

	private volatile List<X509Certificate> chain = List.of();

	/**
	 * The chain of the last server certificate message.
	 * @return the certificates as sent, leaf first; empty when none arrived
	 */
	List<X509Certificate> chain() {
		return this.chain;
	}

	@Override
	public void checkServerTrusted(X509Certificate @Nullable [] chain, @Nullable String authType) {
		capture(chain);
	}

	@Override
	public void checkServerTrusted(X509Certificate @Nullable [] chain, @Nullable String authType,
			@Nullable Socket socket) {
		capture(chain);
	}

	@Override
	public void checkServerTrusted(X509Certificate @Nullable [] chain, @Nullable String authType,
			@Nullable SSLEngine engine) {
		capture(chain);
	}

	@Override
	public void checkClientTrusted(X509Certificate @Nullable [] chain, @Nullable String authType)
			throws CertificateException {
		throw clientOnly();
	}

	@Override
	public void checkClientTrusted(X509Certificate @Nullable [] chain, @Nullable String authType,
			@Nullable Socket socket) throws CertificateException {
		throw clientOnly();
	}

	@Override
	public void checkClientTrusted(X509Certificate @Nullable [] chain, @Nullable String authType,
			@Nullable SSLEngine engine) throws CertificateException {
		throw clientOnly();
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return NO_ISSUERS;
	}

	private void capture(X509Certificate @Nullable [] sent) {
		if (sent != null) {
			this.chain = Arrays.stream(sent).filter(Objects::nonNull).toList();
		}
	}

	private static CertificateException clientOnly() {
		return new CertificateException("This trust manager only captures server chains");
	}

}

package dev.tlswatch.probe.jsse;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

import org.jspecify.annotations.Nullable;

/**
 * A key manager with no keys that notes whether the server asked for a client certificate
 * (RFC 8446 §4.3.2). JSSE then sends an empty certificate message. One instance per
 * handshake.
 */
final class ClientCertificateRequests extends X509ExtendedKeyManager {

	private volatile boolean requested;

	/**
	 * Whether the server sent a certificate request.
	 * @return whether a client certificate was requested
	 */
	boolean requested() {
		return this.requested;
	}

	@Override
	public @Nullable String chooseClientAlias(String @Nullable [] keyType, Principal @Nullable [] issuers,
			@Nullable Socket socket) {
		this.requested = true;
		return null;
	}

	@Override
	public @Nullable String chooseEngineClientAlias(String @Nullable [] keyType, Principal @Nullable [] issuers,
			@Nullable SSLEngine engine) {
		this.requested = true;
		return null;
	}

	@Override
	public String @Nullable [] getClientAliases(@Nullable String keyType, Principal @Nullable [] issuers) {
		return null;
	}

	@Override
	public String @Nullable [] getServerAliases(@Nullable String keyType, Principal @Nullable [] issuers) {
		return null;
	}

	@Override
	public @Nullable String chooseServerAlias(@Nullable String keyType, Principal @Nullable [] issuers,
			@Nullable Socket socket) {
		return null;
	}

	@Override
	public X509Certificate @Nullable [] getCertificateChain(@Nullable String alias) {
		return null;
	}

	@Override
	public @Nullable PrivateKey getPrivateKey(@Nullable String alias) {
		return null;
	}

}

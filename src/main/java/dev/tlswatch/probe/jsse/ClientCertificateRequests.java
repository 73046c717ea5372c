package dev.tlswatch.probe.jsse;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;

import dev.tlswatch.probe.ClientIdentity;
import org.jspecify.annotations.Nullable;

/**
 * A key manager that notes whether the server asked for a client certificate (RFC 8446
 * §4.3.2) and presents the configured {@link ClientIdentity}, if any, whatever issuers
 * the server names: the server judges it. Without an identity, or when the server accepts
 * none of the identity's key type, JSSE sends an empty certificate message. One instance
 * per handshake.
 */
final class ClientCertificateRequests extends X509ExtendedKeyManager {

	private static final String ALIAS = "client";

	/** The most authority names kept from one request. */
	private static final int MAX_AUTHORITIES = 64;

	private final @Nullable ClientIdentity identity;

	private volatile boolean requested;

	private volatile boolean presented;

	private volatile List<String> authorities = List.of();

	/** No identity: an empty certificate message answers every request. */
	ClientCertificateRequests() {
		this(null);
	}

	ClientCertificateRequests(@Nullable ClientIdentity identity) {
		this.identity = identity;
	}

	/**
	 * Whether the server sent a certificate request.
	 * @return whether a client certificate was requested
	 */
	boolean requested() {
		return this.requested;
	}

	/**
	 * The certificate authorities the request named (RFC 2253), as JSSE passed them on.
	 * @return the names, in the order given; empty without a request or names
	 */
	List<String> authorities() {
		return this.authorities;
	}

	/**
	 * Explain a handshake that failed after the server asked for a client certificate.
	 * @param error what the handshake failure said
	 * @return the explanation, bounded
	 */
	String explainFailure(String error) {
		ClientIdentity identity = this.identity;
		if (identity == null) {
			return Failures.bounded("The server requires a client certificate and none is configured (" + error + ")");
		}
		if (!this.presented) {
			return Failures.bounded("The server asked for a client certificate, but not of the configured key type "
					+ identity.key().getAlgorithm() + " (" + error + ")");
		}
		return Failures.bounded("The server asked for a client certificate and did not accept "
				+ identity.certificate().getSubjectX500Principal().getName() + " (" + error + ")");
	}

	@Override
	public @Nullable String chooseClientAlias(String @Nullable [] keyType, Principal @Nullable [] issuers,
			@Nullable Socket socket) {
		return choose(keyType, issuers);
	}

	@Override
	public @Nullable String chooseEngineClientAlias(String @Nullable [] keyType, Principal @Nullable [] issuers,
			@Nullable SSLEngine engine) {
		return choose(keyType, issuers);
	}

	private @Nullable String choose(String @Nullable [] keyTypes, Principal @Nullable [] issuers) {
		if (issuers != null && this.authorities.isEmpty()) {
			this.authorities = Arrays.stream(issuers)
				.limit(MAX_AUTHORITIES)
				.map(ClientCertificateRequests::name)
				.toList();
		}
		return choose(keyTypes);
	}

	private static String name(Principal principal) {
		return (principal instanceof X500Principal x500) ? x500.getName(X500Principal.RFC2253) : principal.getName();
	}

	private @Nullable String choose(String @Nullable [] keyTypes) {
		this.requested = true;
		if (this.identity == null || keyTypes == null) {
			return null;
		}
		for (String keyType : keyTypes) {
			if (fits(keyType)) {
				this.presented = true;
				return ALIAS;
			}
		}
		return null;
	}

	/** JSSE asks per key algorithm: "RSA", "RSASSA-PSS", "EC", "EdDSA"... */
	private boolean fits(@Nullable String keyType) {
		ClientIdentity identity = this.identity;
		if (identity == null || keyType == null) {
			return false;
		}
		String algorithm = identity.key().getAlgorithm();
		return algorithm.equals(keyType) || (isEdDsa(algorithm) && isEdDsa(keyType));
	}

	private static boolean isEdDsa(String algorithm) {
		return algorithm.equals("EdDSA") || algorithm.equals("Ed25519");
	}

	@Override
	public String @Nullable [] getClientAliases(@Nullable String keyType, Principal @Nullable [] issuers) {
		return fits(keyType) ? new String[] { ALIAS } : null;
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
		ClientIdentity identity = this.identity;
		return (identity != null && ALIAS.equals(alias)) ? identity.chain().toArray(X509Certificate[]::new) : null;
	}

	@Override
	public @Nullable PrivateKey getPrivateKey(@Nullable String alias) {
		ClientIdentity identity = this.identity;
		return (identity != null && ALIAS.equals(alias)) ? identity.key() : null;
	}

}

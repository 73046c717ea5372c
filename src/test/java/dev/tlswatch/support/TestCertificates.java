package dev.tlswatch.support;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Test certificates made with BouncyCastle: root and intermediate CAs, and leaves with
 * chosen names, validity and key type, CA-signed or self-signed. Uses only the JDK's
 * providers for keys and signatures, so nothing is registered globally.
 *
 * <pre class="code">
 * Issued ca = TestCertificates.rootCa("Test Root");
 * Issued leaf = TestCertificates.leaf("localhost").dnsNames("localhost").ipAddresses("127.0.0.1").issuedBy(ca);
 * </pre>
 */
public final class TestCertificates {

	private static final SecureRandom random = new SecureRandom();

	// Leaves start an hour ago, so that they are valid whatever the clock is off by
	private static final Duration BACKDATE = Duration.ofHours(1);

	private static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);

	// Either way from now, so that leaves with any test validity chain to the CAs
	private static final Duration CA_VALIDITY = Duration.ofDays(3650);

	private TestCertificates() {
	}

	/**
	 * A self-signed root CA with an EC P-256 key, valid from ten years ago to ten years
	 * ahead.
	 * @param commonName the subject common name
	 * @return the CA, its chain being itself
	 */
	public static Issued rootCa(String commonName) {
		Instant now = now();
		KeyPair keys = KeyType.EC_P256.generate();
		X509Certificate certificate = sign(name(commonName), keys.getPublic(), name(commonName), keys,
				now.minus(CA_VALIDITY), now.plus(CA_VALIDITY), Role.CA, List.of());
		return new Issued(certificate, keys.getPrivate(), List.of(certificate));
	}

	/**
	 * An intermediate CA with an EC P-256 key signed by the given CA, valid from ten
	 * years ago to ten years ahead.
	 * @param commonName the subject common name
	 * @param issuer the signing CA
	 * @return the intermediate, its chain followed by the issuer's
	 */
	public static Issued intermediateCa(String commonName, Issued issuer) {
		Instant now = now();
		KeyPair keys = KeyType.EC_P256.generate();
		X509Certificate certificate = sign(name(commonName), keys.getPublic(), issuer.subject(), issuer.keyPair(),
				now.minus(CA_VALIDITY), now.plus(CA_VALIDITY), Role.CA, List.of());
		return issuer.issue(certificate, keys.getPrivate());
	}

	/**
	 * An intermediate CA like {@link #intermediateCa(String, Issued)} whose certificate
	 * names where its revocation status is published.
	 * @param commonName the subject common name
	 * @param issuer the signing CA
	 * @param ocspUrl the OCSP responder URL of its AIA extension, {@code null} for none
	 * @param crlUrl its CRL distribution point URL, {@code null} for none
	 * @return the intermediate, its chain followed by the issuer's
	 */
	public static Issued intermediateCa(String commonName, Issued issuer, @Nullable String ocspUrl,
			@Nullable String crlUrl) {
		Instant now = now();
		KeyPair keys = KeyType.EC_P256.generate();
		List<Extension> extensions = new ArrayList<>();
		if (ocspUrl != null) {
			extensions.add(ocspExtension(ocspUrl));
		}
		if (crlUrl != null) {
			extensions.add(crlExtension(crlUrl));
		}
		X509Certificate certificate = sign(name(commonName), keys.getPublic(), issuer.subject(), issuer.keyPair(),
				now.minus(CA_VALIDITY), now.plus(CA_VALIDITY), Role.CA, List.of(),
				new Extras(null, List.of(), extensions));
		return issuer.issue(certificate, keys.getPrivate());
	}

	/**
	 * A delegated OCSP responder's certificate (RFC 6960 §4.2.2.2): EC P-256, extended
	 * key usage id-kp-OCSPSigning, signed by the CA.
	 * @param commonName the subject common name
	 * @param issuer the CA that delegates
	 * @return the responder's certificate and key
	 */
	public static Issued ocspResponder(String commonName, Issued issuer) {
		return leaf(commonName).keyType(KeyType.EC_P256).purposes(KeyPurposeId.id_kp_OCSPSigning).issuedBy(issuer);
	}

	private static Extension ocspExtension(String url) {
		try {
			AuthorityInformationAccess access = new AuthorityInformationAccess(AccessDescription.id_ad_ocsp,
					new GeneralName(GeneralName.uniformResourceIdentifier, url));
			return new Extension(Extension.authorityInfoAccess, false, access.getEncoded());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to encode an AIA extension for " + url, ex);
		}
	}

	private static Extension crlExtension(String url) {
		try {
			DistributionPointName name = new DistributionPointName(
					new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url)));
			CRLDistPoint points = new CRLDistPoint(new DistributionPoint[] { new DistributionPoint(name, null, null) });
			return new Extension(Extension.cRLDistributionPoints, false, points.getEncoded());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to encode a CRL distribution point for " + url, ex);
		}
	}

	/**
	 * Start describing a leaf certificate: RSA 2048, valid for 90 days from an hour ago,
	 * no subject alternative names.
	 * @param commonName the subject common name, any text
	 * @return a leaf specification
	 */
	public static LeafSpec leaf(String commonName) {
		return new LeafSpec(commonName);
	}

	/**
	 * A leaf for {@code localhost}, {@code 127.0.0.1} and {@code ::1} signed by the CA.
	 * @param issuer the signing CA
	 * @return the leaf
	 */
	public static Issued localhost(Issued issuer) {
		return leaf("localhost").dnsNames("localhost").ipAddresses("127.0.0.1", "::1").issuedBy(issuer);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS);
	}

	private static X500Name name(String commonName) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
	}

	private static X509Certificate sign(X500Name subject, PublicKey subjectKey, X500Name issuer, KeyPair issuerKeys,
			Instant notBefore, Instant notAfter, Role role, List<GeneralName> altNames) {
		return sign(subject, subjectKey, issuer, issuerKeys, notBefore, notAfter, role, altNames, Extras.NONE);
	}

	private static X509Certificate sign(X500Name subject, PublicKey subjectKey, X500Name issuer, KeyPair issuerKeys,
			Instant notBefore, Instant notAfter, Role role, List<GeneralName> altNames, Extras extras) {
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
					new BigInteger(64, random).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject,
					subjectKey);
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(subjectKey));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
			role.addExtensions(builder, subjectKey, extras.purposes());
			for (Extension extension : extras.extensions()) {
				builder.addExtension(extension);
			}
			if (!altNames.isEmpty()) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(altNames.toArray(GeneralName[]::new)));
			}
			String algorithm = (extras.signatureAlgorithm() != null) ? extras.signatureAlgorithm()
					: signatureAlgorithm(issuerKeys.getPrivate());
			ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate());
			return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
		}
		catch (GeneralSecurityException | CertIOException | OperatorCreationException ex) {
			throw new IllegalStateException("Unable to create a test certificate for " + subject, ex);
		}
	}

	private static String signatureAlgorithm(PrivateKey key) {
		return switch (key.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			case "EdDSA", "Ed25519" -> "Ed25519";
			default -> throw new IllegalArgumentException("No signature algorithm for " + key.getAlgorithm());
		};
	}

	/**
	 * The key types of test certificates.
	 */
	public enum KeyType {

		/** RSA with a 2048-bit modulus. */
		RSA_2048("RSA") {
			@Override
			void initialize(KeyPairGenerator generator) {
				generator.initialize(2048, random);
			}
		},

		/** RSA with a 1024-bit modulus: too weak for today, for tests of weak keys. */
		RSA_1024("RSA") {
			@Override
			void initialize(KeyPairGenerator generator) {
				generator.initialize(1024, random);
			}
		},

		/** ECDSA on NIST P-256 (secp256r1). */
		EC_P256("EC") {
			@Override
			void initialize(KeyPairGenerator generator) throws GeneralSecurityException {
				generator.initialize(new ECGenParameterSpec("secp256r1"), random);
			}
		},

		/** EdDSA on Curve25519 (RFC 8410). */
		ED25519("Ed25519") {
			@Override
			void initialize(KeyPairGenerator generator) {
				// The algorithm fixes the curve
			}
		};

		private final String algorithm;

		KeyType(String algorithm) {
			this.algorithm = algorithm;
		}

		abstract void initialize(KeyPairGenerator generator) throws GeneralSecurityException;

		/**
		 * A fresh key pair.
		 * @return the key pair
		 */
		public KeyPair generate() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance(this.algorithm);
				initialize(generator);
				return generator.generateKeyPair();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Unable to generate a " + this + " key pair", ex);
			}
		}

	}

	private enum Role {

		CA {
			@Override
			void addExtensions(X509v3CertificateBuilder builder, PublicKey key, List<KeyPurposeId> purposes)
					throws CertIOException {
				builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
				builder.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
			}
		},

		LEAF {
			@Override
			void addExtensions(X509v3CertificateBuilder builder, PublicKey key, List<KeyPurposeId> purposes)
					throws CertIOException {
				int usage = KeyUsage.digitalSignature
						| ("RSA".equals(key.getAlgorithm()) ? KeyUsage.keyEncipherment : 0);
				builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
				builder.addExtension(Extension.extendedKeyUsage, false,
						new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
			}
		};

		abstract void addExtensions(X509v3CertificateBuilder builder, PublicKey key, List<KeyPurposeId> purposes)
				throws CertIOException;

	}

	/**
	 * What a leaf has beyond its names, key and validity.
	 */
	private record Extras(@Nullable String signatureAlgorithm, List<KeyPurposeId> purposes,
			List<Extension> extensions) {

		static final Extras NONE = new Extras(null, List.of(KeyPurposeId.id_kp_serverAuth), List.of());

	}

	/**
	 * A certificate with its private key and chain.
	 *
	 * @param certificate the certificate
	 * @param key its private key
	 * @param chain the certificate followed by its issuers up to and including the root
	 */
	public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {

		public Issued {
			Objects.requireNonNull(certificate, "certificate");
			Objects.requireNonNull(key, "key");
			chain = List.copyOf(chain);
		}

		/**
		 * The chain without its self-signed root, as servers usually send it.
		 * @return the certificate and its intermediates
		 */
		public List<X509Certificate> chainWithoutRoot() {
			return (this.chain.size() > 1) ? this.chain.subList(0, this.chain.size() - 1) : this.chain;
		}

		/**
		 * The root of the chain.
		 * @return the last certificate of the chain
		 */
		public X509Certificate root() {
			return this.chain.get(this.chain.size() - 1);
		}

		/**
		 * The certificate's key pair, to sign with it (OCSP responses, CRLs).
		 * @return the key pair
		 */
		public KeyPair keyPair() {
			return new KeyPair(this.certificate.getPublicKey(), this.key);
		}

		X500Name subject() {
			// The exact encoding, so that issuer and subject names compare equal
			return X500Name.getInstance(this.certificate.getSubjectX500Principal().getEncoded());
		}

		Issued issue(X509Certificate issued, PrivateKey issuedKey) {
			List<X509Certificate> issuedChain = new ArrayList<>();
			issuedChain.add(issued);
			issuedChain.addAll(this.chain);
			return new Issued(issued, issuedKey, issuedChain);
		}

	}

	/**
	 * What a leaf certificate is to look like.
	 */
	public static final class LeafSpec {

		private final String commonName;

		private final List<GeneralName> altNames = new ArrayList<>();

		private KeyType keyType = KeyType.RSA_2048;

		private Instant notBefore = now().minus(BACKDATE);

		private Instant notAfter = this.notBefore.plus(DEFAULT_VALIDITY);

		private @Nullable String signatureAlgorithm;

		private List<KeyPurposeId> purposes = List.of(KeyPurposeId.id_kp_serverAuth);

		private final List<Extension> extensions = new ArrayList<>();

		private LeafSpec(String commonName) {
			this.commonName = commonName;
		}

		/**
		 * Add DNS subject alternative names, taken as they are (wildcards too).
		 * @param names the names
		 * @return this specification
		 */
		public LeafSpec dnsNames(String... names) {
			for (String name : names) {
				this.altNames.add(new GeneralName(GeneralName.dNSName, name));
			}
			return this;
		}

		/**
		 * Add IP subject alternative names.
		 * @param addresses IPv4 or IPv6 literals
		 * @return this specification
		 */
		public LeafSpec ipAddresses(String... addresses) {
			for (String address : addresses) {
				// BouncyCastle parses the literal itself, without resolving
				this.altNames.add(new GeneralName(GeneralName.iPAddress, address));
			}
			return this;
		}

		/**
		 * Set the validity period.
		 * @param notBefore the start, truncated to seconds
		 * @param notAfter the end, truncated to seconds
		 * @return this specification
		 */
		public LeafSpec validity(Instant notBefore, Instant notAfter) {
			this.notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
			this.notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
			return this;
		}

		/**
		 * Set the key type.
		 * @param keyType RSA 2048 (the default) or EC P-256
		 * @return this specification
		 */
		public LeafSpec keyType(KeyType keyType) {
			this.keyType = keyType;
			return this;
		}

		/**
		 * Have the issuer sign with a given algorithm instead of SHA-256.
		 * @param algorithm a JCA name such as {@code SHA1withRSA}
		 * @return this specification
		 */
		public LeafSpec signatureAlgorithm(String algorithm) {
			this.signatureAlgorithm = algorithm;
			return this;
		}

		/**
		 * Name an OCSP responder in the Authority Information Access extension (RFC 5280
		 * §4.2.2.1).
		 * @param url the responder's URL
		 * @return this specification
		 */
		public LeafSpec ocspResponder(String url) {
			this.extensions.add(ocspExtension(url));
			return this;
		}

		/**
		 * Name a CRL distribution point (RFC 5280 §4.2.1.13).
		 * @param url the CRL's URL
		 * @return this specification
		 */
		public LeafSpec crlDistributionPoint(String url) {
			this.extensions.add(crlExtension(url));
			return this;
		}

		/**
		 * Set the extended key usage purposes.
		 * @param purposes the purposes
		 * @return this specification
		 */
		public LeafSpec purposes(KeyPurposeId... purposes) {
			this.purposes = List.of(purposes);
			return this;
		}

		/**
		 * Make the leaf a TLS client certificate only (extended key usage clientAuth).
		 * @return this specification
		 */
		public LeafSpec clientAuthOnly() {
			this.purposes = List.of(KeyPurposeId.id_kp_clientAuth);
			return this;
		}

		/**
		 * Add a non-critical extension with a DER-encoded value.
		 * @param oid the extension's object identifier
		 * @param value the extension value's DER encoding (without the OCTET STRING
		 * wrapper)
		 * @return this specification
		 */
		public LeafSpec extension(String oid, byte[] value) {
			this.extensions.add(new Extension(new ASN1ObjectIdentifier(oid), false, value));
			return this;
		}

		private Extras extras() {
			return new Extras(this.signatureAlgorithm, this.purposes, List.copyOf(this.extensions));
		}

		/**
		 * Create the leaf signed by a CA.
		 * @param issuer the CA
		 * @return the leaf with its key and chain up to the root
		 */
		public Issued issuedBy(Issued issuer) {
			KeyPair keys = this.keyType.generate();
			X509Certificate certificate = sign(name(this.commonName), keys.getPublic(), issuer.subject(),
					issuer.keyPair(), this.notBefore, this.notAfter, Role.LEAF, this.altNames, extras());
			return issuer.issue(certificate, keys.getPrivate());
		}

		/**
		 * Create the leaf signed with its own key.
		 * @return the leaf, its chain being itself
		 */
		public Issued selfSigned() {
			KeyPair keys = this.keyType.generate();
			X509Certificate certificate = sign(name(this.commonName), keys.getPublic(), name(this.commonName), keys,
					this.notBefore, this.notAfter, Role.LEAF, this.altNames, extras());
			return new Issued(certificate, keys.getPrivate(), List.of(certificate));
		}

	}

}

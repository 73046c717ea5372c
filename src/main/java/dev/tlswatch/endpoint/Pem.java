package dev.tlswatch.endpoint;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.jspecify.annotations.Nullable;

/**
 * The application's one PEM reader (RFC 7468), on BouncyCastle's {@link PEMParser}: X.509
 * certificates (also OpenSSL's {@code TRUSTED CERTIFICATE}), and private keys as PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}), encrypted ones too ({@code ENCRYPTED PRIVATE KEY} and
 * OpenSSL's {@code Proc-Type: 4,ENCRYPTED}) when a password is given. Keys may be RSA, EC
 * or Ed25519 and come out as the JDK's key classes. The registry, the scan, the command
 * line and the pages all read PEM here, so they agree on what is valid. Error messages
 * complete a sentence about the field and never quote the input.
 */
public final class Pem {

	private static final String CERTIFICATE = "CERTIFICATE";

	private static final String ENCRYPTED_PKCS8 = "ENCRYPTED PRIVATE KEY";

	/** What {@code openssl ecparam -genkey} writes before the key; carries no secret. */
	private static final String EC_PARAMETERS = "EC PARAMETERS";

	private static final Map<ASN1ObjectIdentifier, String> KEY_ALGORITHMS = Map.of(PKCSObjectIdentifiers.rsaEncryption,
			"RSA", X9ObjectIdentifiers.id_ecPublicKey, "EC", EdECObjectIdentifiers.id_Ed25519, "Ed25519");

	private static final SecureRandom random = new SecureRandom();

	private Pem() {
	}

	/**
	 * Read every certificate of a PEM text, in order. Text outside the blocks is ignored
	 * (OpenSSL writes {@code subject=} lines there); blocks other than certificates are
	 * refused.
	 * @param text PEM text
	 * @return at least one certificate
	 * @throws InvalidPemException if there is none or one is unreadable
	 */
	public static List<X509Certificate> certificates(String text) {
		List<Block> blocks = blocks(text);
		List<X509Certificate> certificates = new ArrayList<>();
		for (Block block : blocks) {
			X509CertificateHolder holder = switch (block.parsed()) {
				case X509CertificateHolder certificate -> certificate;
				case X509TrustedCertificateBlock trusted -> trusted.getCertificateHolder();
				default -> throw new InvalidPemException("must contain only CERTIFICATE blocks, not "
						+ describe(block.label()) + " (block " + block.index() + ")");
			};
			certificates.add(certificate(holder, block.index()));
		}
		if (certificates.isEmpty()) {
			throw new InvalidPemException("contains no PEM certificate (-----BEGIN CERTIFICATE-----)");
		}
		return List.copyOf(certificates);
	}

	/**
	 * The DER bytes of the first certificate block, as stored, without reading them as a
	 * certificate: for fingerprints of what was stored.
	 * @param text PEM text
	 * @return the bytes of the first {@code CERTIFICATE} block
	 * @throws InvalidPemException if there is none or the text is no valid PEM
	 */
	public static byte[] certificateBytes(String text) {
		return rawBlocks(text).stream()
			.filter((block) -> CERTIFICATE.equals(block.getType()))
			.findFirst()
			.map(PemObject::getContent)
			.orElseThrow(() -> new InvalidPemException("contains no PEM certificate (-----BEGIN CERTIFICATE-----)"));
	}

	/**
	 * Read one unencrypted private key.
	 * @param text PEM text with exactly one key block
	 * @return the key
	 * @throws InvalidPemException if the text holds no key, more than one, an encrypted
	 * key or a key of another algorithm
	 */
	public static PrivateKey privateKey(String text) {
		return privateKey(text, () -> {
			throw new InvalidPemException(
					"is encrypted; give the key unencrypted (for example openssl pkey -in key.pem -out plain-key.pem)");
		});
	}

	/**
	 * Read one private key, decrypting an encrypted one.
	 * @param text PEM text with exactly one key block
	 * @param password asked only for an encrypted key; may throw to refuse it
	 * @return the key
	 * @throws InvalidPemException if the text holds no key, more than one, a key that the
	 * password does not decrypt or a key of another algorithm
	 */
	public static PrivateKey privateKey(String text, Supplier<char[]> password) {
		List<Block> blocks = blocks(text).stream().filter((block) -> !EC_PARAMETERS.equals(block.label())).toList();
		if (blocks.size() != 1) {
			throw new InvalidPemException(blocks.isEmpty() ? "contains no PEM private key (-----BEGIN PRIVATE KEY-----)"
					: "must contain exactly one PEM block");
		}
		Block block = blocks.get(0);
		PrivateKeyInfo info = switch (block.parsed()) {
			case PrivateKeyInfo plain -> plain;
			case PEMKeyPair pair -> pair.getPrivateKeyInfo();
			case PKCS8EncryptedPrivateKeyInfo encrypted -> decrypt(encrypted, password.get());
			case PEMEncryptedKeyPair encrypted -> decrypt(encrypted, password.get());
			case Unreadable encrypted -> {
				password.get();
				throw new InvalidPemException("cannot be decrypted with the password given");
			}
			default -> throw new InvalidPemException(
					"must be a PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block, not " + describe(block.label()));
		};
		return privateKey(info);
	}

	/**
	 * Whether a private key belongs to a public key: a signature made with one verifies
	 * with the other.
	 * @param key the private key
	 * @param publicKey a certificate's public key
	 * @return whether they are a pair
	 */
	public static boolean keyMatches(PrivateKey key, PublicKey publicKey) {
		String algorithm = signatureAlgorithm(key);
		if (algorithm == null) {
			return false;
		}
		byte[] challenge = new byte[32];
		random.nextBytes(challenge);
		try {
			Signature signer = Signature.getInstance(algorithm);
			signer.initSign(key);
			signer.update(challenge);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(publicKey);
			verifier.update(challenge);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			// Another algorithm, curve or size: not this key's pair
			return false;
		}
	}

	private static @Nullable String signatureAlgorithm(PrivateKey key) {
		return switch (key.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			case "EdDSA", "Ed25519" -> "Ed25519";
			default -> null;
		};
	}

	/**
	 * The blocks of a text: the structure (labels, base64, END lines) from
	 * {@link PemReader}, then the content of each from {@link PEMParser}, block by block.
	 */
	private static List<Block> blocks(String text) {
		List<PemObject> raw = rawBlocks(text);
		List<Block> blocks = new ArrayList<>(raw.size());
		try (PEMParser parser = new PEMParser(new StringReader(text))) {
			for (PemObject object : raw) {
				int index = blocks.size() + 1;
				blocks.add(new Block(object.getType(), index, parse(parser, object, index)));
			}
		}
		catch (IOException ex) {
			// Closing a StringReader does not fail
			throw new IllegalStateException(ex);
		}
		return blocks;
	}

	private static List<PemObject> rawBlocks(String text) {
		List<PemObject> blocks = new ArrayList<>();
		try (PemReader reader = new PemReader(new StringReader(text))) {
			while (true) {
				PemObject object = readRaw(reader, blocks.size() + 1);
				if (object == null) {
					return blocks;
				}
				if (object.getContent().length == 0) {
					throw new InvalidPemException("has an empty PEM block (block " + (blocks.size() + 1) + ")");
				}
				blocks.add(object);
			}
		}
		catch (IOException ex) {
			// Closing a StringReader does not fail
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable PemObject readRaw(PemReader reader, int index) {
		try {
			return reader.readPemObject();
		}
		catch (IOException | RuntimeException ex) {
			// PemReader says "... not found" for a missing END line and "malformed PEM
			// data" (or throws a DecoderException) for what is not base64
			String message = String.valueOf(ex.getMessage());
			if (ex instanceof IOException && message.endsWith("not found")) {
				throw new InvalidPemException("has a -----BEGIN line without its matching -----END line");
			}
			throw new InvalidPemException("is not valid base64 inside PEM block " + index);
		}
	}

	private static Object parse(PEMParser parser, PemObject raw, int index) {
		try {
			Object parsed = parser.readObject();
			if (parsed == null) {
				throw new IllegalStateException("PEMParser found fewer blocks than PemReader");
			}
			return parsed;
		}
		catch (IOException | RuntimeException ex) {
			if (encryptedHeader(raw)) {
				return new Unreadable(raw.getType());
			}
			throw unreadable(raw.getType(), index);
		}
	}

	private static boolean encryptedHeader(PemObject raw) {
		for (Object header : raw.getHeaders()) {
			if (header instanceof PemHeader pemHeader && "Proc-Type".equals(pemHeader.getName())
					&& pemHeader.getValue().contains("ENCRYPTED")) {
				return true;
			}
		}
		return false;
	}

	private static InvalidPemException unreadable(String label, int index) {
		if (CERTIFICATE.equals(label)) {
			return new InvalidPemException("has an unreadable certificate (block " + index + ")");
		}
		if (label.contains("PRIVATE KEY") && !ENCRYPTED_PKCS8.equals(label)) {
			return new InvalidPemException(label.equals("PRIVATE KEY") ? "is not a readable PKCS#8 private key"
					: "is not a readable " + label);
		}
		return new InvalidPemException("has an unreadable " + describe(label) + " (block " + index + ")");
	}

	private static X509Certificate certificate(X509CertificateHolder holder, int index) {
		try {
			return new JcaX509CertificateConverter().getCertificate(holder);
		}
		catch (CertificateException | RuntimeException ex) {
			throw new InvalidPemException("has an unreadable certificate (block " + index + ")");
		}
	}

	private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password) {
		try {
			return encrypted.decryptPrivateKeyInfo(
					new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Decryption.PROVIDER).build(password));
		}
		catch (Exception ex) {
			throw new InvalidPemException("cannot be decrypted with the password given");
		}
	}

	private static PrivateKeyInfo decrypt(PEMEncryptedKeyPair encrypted, char[] password) {
		try {
			return encrypted
				.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Decryption.PROVIDER).build(password))
				.getPrivateKeyInfo();
		}
		catch (Exception ex) {
			throw new InvalidPemException("cannot be decrypted with the password given");
		}
	}

	/** The JDK's key for a PKCS#8 PrivateKeyInfo of an algorithm we sign with. */
	private static PrivateKey privateKey(PrivateKeyInfo info) {
		String algorithm = KEY_ALGORITHMS.get(info.getPrivateKeyAlgorithm().getAlgorithm());
		if (algorithm == null) {
			throw new InvalidPemException("must be an RSA, EC or Ed25519 key");
		}
		try {
			return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
		}
		catch (GeneralSecurityException | IOException | RuntimeException ex) {
			throw new InvalidPemException("is not a readable " + algorithm + " private key");
		}
	}

	private static String describe(String label) {
		return label.contains("PRIVATE KEY") ? "a private key" : "a " + label + " block";
	}

	/**
	 * One PEM block: its label, position (from 1) and what {@link PEMParser} made of it.
	 */
	private record Block(String label, int index, Object parsed) {

	}

	/**
	 * An encrypted legacy block whose content cannot be parsed before decryption.
	 */
	private record Unreadable(String label) {

	}

	/**
	 * BouncyCastle's provider for the PBE ciphers of encrypted keys, created on first use
	 * and never registered with the JDK.
	 */
	private static final class Decryption {

		static final Provider PROVIDER = new BouncyCastleProvider();

	}

}

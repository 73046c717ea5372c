package dev.tlswatch.endpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads PEM text (RFC 7468): X.509 certificates, and unencrypted private keys as PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}); the last two are rewrapped as PKCS#8 (RFC 5208) for the JDK's
 * key factories. Keys may be RSA, EC or Ed25519. Plain Java, so that the scan and the
 * command line read PEM exactly as the registry validates it. Error messages never quote
 * the input.
 */
public final class Pem {

	/** RFC 7468 §2: the label between the dashes; the body up to the matching END. */
	private static final Pattern BLOCK = Pattern
		.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----\\r?\\n?(.*?)-----END \\1-----", Pattern.DOTALL);

	private static final String CERTIFICATE = "CERTIFICATE";

	private static final String PKCS8 = "PRIVATE KEY";

	private static final String PKCS1_RSA = "RSA PRIVATE KEY";

	private static final String SEC1_EC = "EC PRIVATE KEY";

	private static final String ENCRYPTED_PKCS8 = "ENCRYPTED PRIVATE KEY";

	// DER tags (X.690 §8)
	private static final int INTEGER = 0x02;

	private static final int OCTET_STRING = 0x04;

	private static final int NULL = 0x05;

	private static final int OID = 0x06;

	private static final int SEQUENCE = 0x30;

	private static final int EC_PARAMETERS = 0xa0;

	// OID contents: rsaEncryption (RFC 8017), id-ecPublicKey (RFC 5480), id-Ed25519 (RFC
	// 8410)
	private static final byte[] RSA_OID = { 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01 };

	private static final byte[] EC_OID = { 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01 };

	private static final byte[] ED25519_OID = { 0x2b, 0x65, 0x70 };

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
		List<X509Certificate> certificates = new ArrayList<>();
		for (Block block : blocks(text)) {
			if (!CERTIFICATE.equals(block.label())) {
				throw new InvalidPemException("must contain only CERTIFICATE blocks, not " + describe(block.label())
						+ " (block " + (certificates.size() + 1) + ")");
			}
			certificates.add(certificate(block, certificates.size() + 1));
		}
		if (certificates.isEmpty()) {
			throw new InvalidPemException("contains no PEM certificate (-----BEGIN CERTIFICATE-----)");
		}
		return List.copyOf(certificates);
	}

	/**
	 * Read one unencrypted private key.
	 * @param text PEM text with exactly one key block
	 * @return the key
	 * @throws InvalidPemException if the text holds no key, more than one, an encrypted
	 * key or a key of another algorithm
	 */
	public static PrivateKey privateKey(String text) {
		List<Block> blocks = blocks(text);
		if (blocks.size() != 1) {
			throw new InvalidPemException(blocks.isEmpty() ? "contains no PEM private key (-----BEGIN PRIVATE KEY-----)"
					: "must contain exactly one PEM block");
		}
		Block block = blocks.get(0);
		return switch (block.label()) {
			case PKCS8 -> pkcs8(block.der());
			case PKCS1_RSA -> pkcs8(wrap(RSA_OID, der(NULL, new byte[0]), block.der()));
			case SEC1_EC -> pkcs8(wrap(EC_OID, curveOf(block.der()), block.der()));
			case ENCRYPTED_PKCS8 -> throw encrypted();
			default -> throw new InvalidPemException(
					"must be a PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block, not " + describe(block.label()));
		};
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

	private static List<Block> blocks(String text) {
		if (text.contains("Proc-Type: 4,ENCRYPTED")) {
			throw encrypted();
		}
		List<Block> blocks = new ArrayList<>();
		Matcher matcher = BLOCK.matcher(text);
		int end = 0;
		while (matcher.find()) {
			blocks.add(new Block(matcher.group(1), decode(matcher.group(2), blocks.size() + 1)));
			end = matcher.end();
		}
		if (text.indexOf("-----BEGIN", end) >= 0) {
			throw new InvalidPemException("has a -----BEGIN line without its matching -----END line");
		}
		return blocks;
	}

	private static byte[] decode(String body, int index) {
		String base64 = body.replaceAll("\\s", "");
		try {
			byte[] der = Base64.getDecoder().decode(base64);
			if (der.length == 0) {
				throw new InvalidPemException("has an empty PEM block (block " + index + ")");
			}
			return der;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPemException("is not valid base64 inside PEM block " + index);
		}
	}

	private static X509Certificate certificate(Block block, int index) {
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der()));
		}
		catch (CertificateException | RuntimeException ex) {
			throw new InvalidPemException("has an unreadable certificate (block " + index + ")");
		}
	}

	private static PrivateKey pkcs8(byte[] der) {
		String algorithm = algorithmOf(der);
		try {
			return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new InvalidPemException("is not a readable " + algorithm + " private key");
		}
	}

	/**
	 * The key algorithm of a PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER version, SEQUENCE
	 * { OID algorithm, parameters }, OCTET STRING key }.
	 */
	private static String algorithmOf(byte[] pkcs8) {
		try {
			Der info = new Der(pkcs8).enter(SEQUENCE);
			info.skip(INTEGER);
			byte[] oid = info.enter(SEQUENCE).read(OID);
			if (Arrays.equals(oid, RSA_OID)) {
				return "RSA";
			}
			if (Arrays.equals(oid, EC_OID)) {
				return "EC";
			}
			if (Arrays.equals(oid, ED25519_OID)) {
				return "Ed25519";
			}
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPemException("is not a readable PKCS#8 private key");
		}
		throw new InvalidPemException("must be an RSA, EC or Ed25519 key");
	}

	/**
	 * The curve of a SEC1 ECPrivateKey (RFC 5915 §3): SEQUENCE { INTEGER 1, OCTET STRING,
	 * [0] ECParameters OPTIONAL, [1] BIT STRING OPTIONAL }, as a DER OID.
	 */
	private static byte[] curveOf(byte[] sec1) {
		try {
			Der key = new Der(sec1).enter(SEQUENCE);
			key.skip(INTEGER);
			key.skip(OCTET_STRING);
			if (!key.hasMore() || key.peek() != EC_PARAMETERS) {
				throw new InvalidPemException(
						"is an EC PRIVATE KEY without its curve; convert it with openssl pkcs8 -topk8 -nocrypt");
			}
			return der(OID, key.enter(EC_PARAMETERS).read(OID));
		}
		catch (IllegalArgumentException ex) {
			if (ex instanceof InvalidPemException invalid) {
				throw invalid;
			}
			throw new InvalidPemException("is not a readable EC PRIVATE KEY");
		}
	}

	/**
	 * PrivateKeyInfo { 0, AlgorithmIdentifier { oid, parameters }, OCTET STRING key }.
	 */
	private static byte[] wrap(byte[] algorithm, byte[] parameters, byte[] key) {
		byte[] identifier = der(SEQUENCE, concat(der(OID, algorithm), parameters));
		return der(SEQUENCE, concat(der(INTEGER, new byte[] { 0 }), identifier, der(OCTET_STRING, key)));
	}

	private static byte[] der(int tag, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
		out.write(tag);
		int length = content.length;
		if (length < 0x80) {
			out.write(length);
		}
		else {
			int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
			out.write(0x80 | bytes);
			for (int i = bytes - 1; i >= 0; i--) {
				out.write(length >>> (8 * i));
			}
		}
		out.writeBytes(content);
		return out.toByteArray();
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static InvalidPemException encrypted() {
		return new InvalidPemException(
				"is encrypted; give the key unencrypted (for example openssl pkey -in key.pem -out plain-key.pem)");
	}

	private static String describe(String label) {
		return label.contains("PRIVATE KEY") ? "a private key" : "a " + label + " block";
	}

	/**
	 * One PEM block.
	 */
	private record Block(String label, byte[] der) {

	}

	/**
	 * A minimal DER reader over definite lengths, bounded by what remains; throws
	 * {@link IllegalArgumentException} on anything malformed.
	 */
	private static final class Der {

		private final byte[] bytes;

		private int position;

		private final int end;

		Der(byte[] bytes) {
			this(bytes, 0, bytes.length);
		}

		private Der(byte[] bytes, int start, int end) {
			this.bytes = bytes;
			this.position = start;
			this.end = end;
		}

		boolean hasMore() {
			return this.position < this.end;
		}

		int peek() {
			require(1);
			return this.bytes[this.position] & 0xff;
		}

		Der enter(int tag) {
			int length = header(tag);
			Der inner = new Der(this.bytes, this.position, this.position + length);
			this.position += length;
			return inner;
		}

		byte[] read(int tag) {
			int length = header(tag);
			byte[] value = Arrays.copyOfRange(this.bytes, this.position, this.position + length);
			this.position += length;
			return value;
		}

		void skip(int tag) {
			int length = header(tag);
			this.position += length;
		}

		private int header(int tag) {
			if (peek() != tag) {
				throw new IllegalArgumentException("Unexpected tag");
			}
			this.position++;
			require(1);
			int first = this.bytes[this.position++] & 0xff;
			int length = first;
			if (first >= 0x80) {
				int count = first & 0x7f;
				if (count == 0 || count > 3) {
					throw new IllegalArgumentException("Unsupported length");
				}
				require(count);
				length = 0;
				for (int i = 0; i < count; i++) {
					length = (length << 8) | (this.bytes[this.position++] & 0xff);
				}
			}
			require(length);
			return length;
		}

		private void require(int count) {
			if (count < 0 || this.end - this.position < count) {
				throw new IllegalArgumentException("Truncated");
			}
		}

	}

}

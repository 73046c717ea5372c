package dev.tlswatch.support;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;

/**
 * PEM text of test certificates and keys, in the forms users paste: PKCS#8, the
 * traditional OpenSSL forms (PKCS#1 RSA, SEC1 EC) and encrypted PKCS#8.
 */
public final class TestPem {

	private static final SecureRandom random = new SecureRandom();

	private TestPem() {
	}

	/**
	 * Certificates as consecutive {@code CERTIFICATE} blocks.
	 * @param certificates the certificates, in order
	 * @return the PEM text
	 */
	public static String certificates(List<X509Certificate> certificates) {
		StringBuilder pem = new StringBuilder();
		for (X509Certificate certificate : certificates) {
			try {
				pem.append(block("CERTIFICATE", certificate.getEncoded()));
			}
			catch (CertificateEncodingException ex) {
				throw new IllegalStateException("Unable to encode a test certificate", ex);
			}
		}
		return pem.toString();
	}

	/**
	 * A key as an unencrypted PKCS#8 {@code PRIVATE KEY} block.
	 * @param key the key
	 * @return the PEM text
	 */
	public static String pkcs8(PrivateKey key) {
		return block("PRIVATE KEY", key.getEncoded());
	}

	/**
	 * A key in OpenSSL's traditional form: {@code RSA PRIVATE KEY} (PKCS#1) or
	 * {@code EC PRIVATE KEY} (SEC1).
	 * @param key an RSA or EC key
	 * @return the PEM text
	 */
	public static String traditional(PrivateKey key) {
		if (key instanceof ECPrivateKey ec) {
			return sec1(ec);
		}
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	/**
	 * A key as an {@code ENCRYPTED PRIVATE KEY} block.
	 * @param key the key
	 * @param password the password
	 * @return the PEM text
	 */
	public static String encrypted(PrivateKey key, String password) {
		try {
			// A PKCS#12 PBE scheme: the JDK encodes its parameters, not those of PBES2
			String algorithm = "PBEWithSHA1AndDESede";
			SecretKey secret = SecretKeyFactory.getInstance(algorithm)
				.generateSecret(new PBEKeySpec(password.toCharArray()));
			byte[] salt = new byte[16];
			random.nextBytes(salt);
			Cipher cipher = Cipher.getInstance(algorithm);
			cipher.init(Cipher.ENCRYPT_MODE, secret, new PBEParameterSpec(salt, 10000));
			EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(cipher.getParameters(),
					cipher.doFinal(key.getEncoded()));
			return block("ENCRYPTED PRIVATE KEY", info.getEncoded());
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Unable to encrypt a test key", ex);
		}
	}

	/**
	 * A key in OpenSSL's legacy encrypted form ({@code Proc-Type: 4,ENCRYPTED},
	 * AES-256-CBC), as {@code openssl rsa -aes256} writes it.
	 * @param key the key
	 * @param password the password
	 * @return the PEM text
	 */
	public static String legacyEncrypted(PrivateKey key, String password) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(key,
					new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(new BouncyCastleProvider())
						.setSecureRandom(random)
						.build(password.toCharArray()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	/**
	 * SEC1 with the curve and without the public key, as OpenSSL reads it; BouncyCastle
	 * would write the JDK's PKCS#8 content, which lacks the curve.
	 */
	private static String sec1(ECPrivateKey key) {
		try {
			PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
			ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
			org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
					key.getParams().getOrder().bitLength(), key.getS(), curve);
			return block("EC PRIVATE KEY", sec1.getEncoded());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String block(String label, byte[] der) {
		return "-----BEGIN " + label + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + label + "-----\n";
	}

}

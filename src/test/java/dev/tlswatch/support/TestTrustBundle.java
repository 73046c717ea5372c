package dev.tlswatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;

/**
 * The test JVM's certificate authority, trusted by every test application context: its
 * PEM is written to the file that {@code application-test.yaml} names as
 * {@code tlswatch.scan.trust-bundle}. Every test context writes it before it starts
 * ({@link TestContextSetup}; a configured trust bundle that does not exist fails the
 * start).
 */
public final class TestTrustBundle {

	private static TestCertificates.Issued ca;

	private TestTrustBundle() {
	}

	/**
	 * The trusted test CA, created and written on first use.
	 * @return the CA
	 */
	public static synchronized TestCertificates.Issued ca() {
		if (ca == null) {
			ca = TestCertificates.rootCa("TLSWatch Test Root");
			write(ca);
		}
		return ca;
	}

	/**
	 * The file {@code application-test.yaml} names, written first if needed: a configured
	 * trust bundle that does not exist fails the start. Another JVM started by a test
	 * (whose own PID names another file) is given this one.
	 * @return the PEM file of the test CA
	 */
	public static Path file() {
		ca();
		return path();
	}

	private static Path path() {
		return Path.of(System.getProperty("java.io.tmpdir"),
				"tlswatch-test-trust-" + ProcessHandle.current().pid() + ".pem");
	}

	private static void write(TestCertificates.Issued ca) {
		Path file = path();
		try {
			String pem = "-----BEGIN CERTIFICATE-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(ca.certificate().getEncoded())
					+ "\n-----END CERTIFICATE-----\n";
			Files.writeString(file, pem, StandardCharsets.US_ASCII);
			file.toFile().deleteOnExit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to write the test trust bundle " + file, ex);
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException("Unable to encode the test CA", ex);
		}
	}

}

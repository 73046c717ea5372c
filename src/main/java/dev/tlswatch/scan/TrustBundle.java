package dev.tlswatch.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import dev.tlswatch.endpoint.CertificateSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The global bundle of extra trust anchors ({@code tlswatch.scan.trust-bundle}), re-read
 * whenever the file changes so that a private CA can be added without a restart.
 */
@Component
class TrustBundle {

	private final @Nullable Path path;

	private @Nullable FileTime loadedModified;

	private List<X509Certificate> anchors = List.of();

	TrustBundle(ScanSettings settings) {
		this.path = settings.trustBundle();
	}

	synchronized List<X509Certificate> anchors() {
		if (this.path == null || !Files.isRegularFile(this.path)) {
			return List.of();
		}
		try {
			FileTime modified = Files.getLastModifiedTime(this.path);
			if (!modified.equals(this.loadedModified)) {
				this.anchors = read(this.path);
				this.loadedModified = modified;
			}
			return this.anchors;
		}
		catch (IOException | CertificateException ex) {
			throw new IllegalStateException("Unable to read trust bundle " + this.path, ex);
		}
	}

	/**
	 * What the bundle holds now, for showing; a bundle that cannot be read says why
	 * instead of failing.
	 */
	ScanDefaults.GlobalTrustBundle describe() {
		if (this.path == null) {
			return new ScanDefaults.GlobalTrustBundle(null, List.of(), null);
		}
		if (!Files.isRegularFile(this.path)) {
			return new ScanDefaults.GlobalTrustBundle(this.path, List.of(),
					"The file does not exist or is not a regular file; scans use the JDK trust store only.");
		}
		try {
			return new ScanDefaults.GlobalTrustBundle(this.path,
					anchors().stream().map(CertificateSummary::of).toList(), null);
		}
		catch (IllegalStateException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new ScanDefaults.GlobalTrustBundle(this.path, List.of(),
					"The file cannot be read as PEM certificates: " + cause.getMessage());
		}
	}

	private static List<X509Certificate> read(Path path) throws IOException, CertificateException {
		try (InputStream in = Files.newInputStream(path)) {
			return CertificateFactory.getInstance("X.509")
				.generateCertificates(in)
				.stream()
				.filter(X509Certificate.class::isInstance)
				.map(X509Certificate.class::cast)
				.toList();
		}
	}

}

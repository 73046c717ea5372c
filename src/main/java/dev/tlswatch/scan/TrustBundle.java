package dev.tlswatch.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.util.List;

import dev.tlswatch.endpoint.CertificateSummary;
import dev.tlswatch.endpoint.InvalidPemException;
import dev.tlswatch.endpoint.Pem;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The global bundle of extra trust anchors ({@code tlswatch.scan.trust-bundle}), re-read
 * whenever the file changes so that a private CA can be added without a restart.
 */
@Component
class TrustBundle {

	/** A whole system CA bundle is about 220 KB. */
	static final long MAX_FILE_SIZE = 4 * 1024 * 1024;

	private final @Nullable Path path;

	private @Nullable FileTime loadedModified;

	private List<X509Certificate> anchors = List.of();

	/**
	 * Check the configured bundle at start: a file that does not exist or cannot be read
	 * as PEM certificates fails the start ({@link TrustBundleFailureAnalyzer} explains
	 * it) rather than leaving scans silently without the private CA. A file that goes
	 * missing later is reported by {@link #describe()} and the scans.
	 * @param settings the scan settings
	 * @throws InvalidTrustBundleException if the configured file is missing or unreadable
	 */
	TrustBundle(ScanSettings settings) {
		this.path = settings.trustBundle();
		if (this.path != null) {
			if (!Files.isRegularFile(this.path)) {
				throw new InvalidTrustBundleException(this.path,
						Files.exists(this.path) ? "is not a regular file" : "does not exist", null);
			}
			try {
				anchors();
			}
			catch (IllegalStateException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				throw new InvalidTrustBundleException(this.path,
						"cannot be read as PEM certificates: " + cause.getMessage(), cause);
			}
		}
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
		catch (IOException | InvalidPemException ex) {
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

	private static List<X509Certificate> read(Path path) throws IOException {
		if (Files.size(path) > MAX_FILE_SIZE) {
			throw new IOException("The file is larger than " + MAX_FILE_SIZE + " bytes");
		}
		return Pem.certificates(Files.readString(path, StandardCharsets.UTF_8));
	}

}

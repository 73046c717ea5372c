package dev.tlswatch.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestPem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The global trust bundle: checked at start, and how it describes itself for the settings
 * page.
 */
class TrustBundleTests {

	@TempDir
	Path directory;

	@Test
	void withoutAPathThereIsNoBundle() {
		ScanDefaults.GlobalTrustBundle described = bundle(null).describe();

		assertThat(described.configured()).isFalse();
		assertThat(described.anchors()).isEmpty();
		assertThat(described.problem()).isNull();
	}

	@Test
	void listsEveryAnchorInFileOrder() throws Exception {
		Issued first = TestCertificates.rootCa("Bundle First");
		Issued second = TestCertificates.rootCa("Bundle Second");
		Path file = Files.writeString(this.directory.resolve("ca.pem"),
				TestPem.certificates(List.of(first.certificate(), second.certificate())));

		ScanDefaults.GlobalTrustBundle described = bundle(file).describe();

		assertThat(described.path()).isEqualTo(file);
		assertThat(described.problem()).isNull();
		assertThat(described.anchors()).extracting((anchor) -> anchor.subject())
			.containsExactly("CN=Bundle First", "CN=Bundle Second");
		assertThat(described.anchors().get(0).notAfter()).isEqualTo(first.certificate().getNotAfter().toInstant());
	}

	@Test
	void aMissingFileFailsTheStartWithAnExplanation() {
		Path missing = this.directory.resolve("missing.pem");

		assertThatExceptionOfType(InvalidTrustBundleException.class).isThrownBy(() -> bundle(missing))
			.satisfies((ex) -> {
				FailureAnalysis analysis = new TrustBundleFailureAnalyzer()
					.analyze(new BeanCreationException("trustBundle", "Failed", ex));
				assertThat(analysis.getDescription()).isEqualTo("The trust bundle configured as"
						+ " tlswatch.scan.trust-bundle, " + missing.toAbsolutePath() + ", does not exist. Scans would"
						+ " not trust the certificate authorities it should add.");
				assertThat(analysis.getAction()).contains("remove tlswatch.scan.trust-bundle",
						"TLSWATCH_SCAN_TRUSTBUNDLE");
			});
	}

	@Test
	void aFileThatIsNotPemOrADirectoryFailsTheStart() throws Exception {
		Path file = Files.writeString(this.directory.resolve("ca.pem"),
				"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

		assertThatExceptionOfType(InvalidTrustBundleException.class).isThrownBy(() -> bundle(file))
			.satisfies((ex) -> assertThat(ex.problem()).startsWith("cannot be read as PEM certificates"));
		assertThatExceptionOfType(InvalidTrustBundleException.class).isThrownBy(() -> bundle(this.directory))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo("is not a regular file"));
	}

	@Test
	void aFileThatGoesMissingOrBreaksLaterIsReportedNotThrown() throws Exception {
		Path file = Files.writeString(this.directory.resolve("ca.pem"),
				TestPem.certificates(List.of(TestCertificates.rootCa("Bundle Later").certificate())));
		TrustBundle bundle = bundle(file);

		Files.writeString(file, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plus(Duration.ofMinutes(1))));
		assertThat(bundle.describe().problem()).startsWith("The file cannot be read as PEM certificates");

		Files.delete(file);
		ScanDefaults.GlobalTrustBundle described = bundle.describe();
		assertThat(described.configured()).isTrue();
		assertThat(described.anchors()).isEmpty();
		assertThat(described.problem()).contains("does not exist");
	}

	private static TrustBundle bundle(@Nullable Path path) {
		return new TrustBundle(new ScanSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10),
				16, 4, path, List.of(), true, Duration.ofHours(24), 6, Duration.ofDays(30), true));
	}

}

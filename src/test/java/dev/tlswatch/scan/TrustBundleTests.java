package dev.tlswatch.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestPem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the global trust bundle describes itself for the settings page.
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
	void aMissingFileIsReportedNotThrown() {
		ScanDefaults.GlobalTrustBundle described = bundle(this.directory.resolve("missing.pem")).describe();

		assertThat(described.configured()).isTrue();
		assertThat(described.anchors()).isEmpty();
		assertThat(described.problem()).contains("does not exist");
	}

	@Test
	void aFileThatIsNotPemIsReportedNotThrown() throws Exception {
		Path file = Files.writeString(this.directory.resolve("ca.pem"),
				"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

		ScanDefaults.GlobalTrustBundle described = bundle(file).describe();

		assertThat(described.anchors()).isEmpty();
		assertThat(described.problem()).startsWith("The file cannot be read as PEM certificates");
	}

	private static TrustBundle bundle(@Nullable Path path) {
		return new TrustBundle(new ScanSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10),
				16, 4, path, List.of()));
	}

}

package dev.tlswatch.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BrowserBinariesTests {

	@TempDir
	Path directory;

	@Test
	void findsChromiumAndChromedriverOnThePath() throws Exception {
		Path empty = Files.createDirectory(this.directory.resolve("empty"));
		Path bin = Files.createDirectory(this.directory.resolve("bin"));
		Path chromium = executable(bin, "chromium");
		Path driver = executable(bin, "chromedriver");

		BrowserBinaries binaries = BrowserBinaries.locate(empty + File.pathSeparator + bin,
				new CountingInstaller(false));

		assertThat(binaries.chromium()).isEqualTo(chromium);
		assertThat(binaries.chromedriver()).isEqualTo(driver);
	}

	@Test
	void anotherChromiumNameCountsButAPlainFileDoesNot() throws Exception {
		Path bin = Files.createDirectory(this.directory.resolve("bin"));
		Files.writeString(bin.resolve("chromium"), "not executable");
		Path chrome = executable(bin, "chromium-browser");
		executable(bin, "chromedriver");

		assertThat(BrowserBinaries.locate(bin.toString(), new CountingInstaller(false)).chromium()).isEqualTo(chrome);
	}

	@Test
	void missingBinariesWhereNothingCanBeInstalledFailWithOneLineSayingWhatToInstall() throws Exception {
		Path bin = Files.createDirectory(this.directory.resolve("bin"));
		executable(bin, "chromium");
		CountingInstaller installer = new CountingInstaller(false);

		assertThatIllegalStateException().isThrownBy(() -> BrowserBinaries.locate(bin.toString(), installer))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n")
				.contains("apt-get install chromium chromium-driver", "-DskipBrowserTests"));
		assertThat(installer.installs.get()).isZero();
	}

	@Test
	void missingBinariesAreInstalledOnceWhereTheMachineAllowsIt() throws Exception {
		Path bin = Files.createDirectory(this.directory.resolve("bin"));
		CountingInstaller installer = new CountingInstaller(true) {
			@Override
			public void install() {
				super.install();
				executable(bin, "chromium");
				executable(bin, "chromedriver");
			}
		};

		BrowserBinaries binaries = BrowserBinaries.locate(bin.toString(), installer);

		assertThat(binaries.chromedriver()).isEqualTo(bin.resolve("chromedriver"));
		assertThat(installer.installs.get()).isEqualTo(1);
	}

	@Test
	void anInstallThatLeavesThemMissingSaysSo() throws Exception {
		Path bin = Files.createDirectory(this.directory.resolve("bin"));

		assertThatIllegalStateException()
			.isThrownBy(() -> BrowserBinaries.locate(bin.toString(), new CountingInstaller(true)))
			.withMessageContaining("still not on the PATH");
	}

	@Test
	void aptGetNeedsRootDebianAndTheCommand() throws Exception {
		Path bin = Files.createDirectory(this.directory.resolve("bin"));
		executable(bin, "apt-get");

		assertThat(new BrowserBinaries.AptGet(bin.toString(), true, true).available()).isTrue();
		assertThat(new BrowserBinaries.AptGet(bin.toString(), false, true).available()).isFalse();
		assertThat(new BrowserBinaries.AptGet(bin.toString(), true, false).available()).isFalse();
		assertThat(new BrowserBinaries.AptGet(this.directory.toString(), true, true).available()).isFalse();
	}

	private static Path executable(Path directory, String name) {
		try {
			Path file = directory.resolve(name);
			Files.writeString(file, "#!/bin/sh\n");
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
			return file;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static class CountingInstaller implements BrowserBinaries.Installer {

		final AtomicInteger installs = new AtomicInteger();

		private final boolean available;

		CountingInstaller(boolean available) {
			this.available = available;
		}

		@Override
		public boolean available() {
			return this.available;
		}

		@Override
		public void install() {
			this.installs.incrementAndGet();
		}

	}

}

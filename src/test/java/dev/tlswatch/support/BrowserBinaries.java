package dev.tlswatch.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Chromium and ChromeDriver for the browser tests on the {@code PATH}. When one is
 * missing on Debian or Ubuntu and the tests run as root, it installs both once with
 * {@code apt-get} and says so in the log; anywhere else it fails with one line naming
 * what to install.
 *
 * @param chromium the Chromium executable
 * @param chromedriver the ChromeDriver executable
 */
public record BrowserBinaries(Path chromium, Path chromedriver) {

	/** Names the Chromium executable has on the distributions we know. */
	static final List<String> CHROMIUM_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
			"google-chrome-stable");

	static final String CHROMEDRIVER_NAME = "chromedriver";

	static final String INSTALL_HINT = "The browser tests need Chromium and ChromeDriver on the PATH: install them"
			+ " (Debian/Ubuntu: apt-get install chromium chromium-driver; Fedora: dnf install chromium"
			+ " chromedriver; macOS: brew install --cask chromium chromedriver), or skip the browser tests with"
			+ " ./mvnw verify -DskipBrowserTests";

	private static final Logger logger = LoggerFactory.getLogger(BrowserBinaries.class);

	private static @Nullable BrowserBinaries found;

	/**
	 * Chromium and ChromeDriver of this machine, installed first where that is possible.
	 * @return the executables
	 * @throws IllegalStateException with one line saying what to install
	 */
	public static synchronized BrowserBinaries locate() {
		if (found == null) {
			found = locate(System.getenv("PATH"), AptGet.system());
		}
		return found;
	}

	/**
	 * Look on a search path; install with the installer when one is missing and it can.
	 * @param path the search path ({@code PATH})
	 * @param installer what installs the packages, if this machine allows it
	 * @return the executables
	 */
	static BrowserBinaries locate(@Nullable String path, Installer installer) {
		Optional<BrowserBinaries> binaries = onPath(path);
		if (binaries.isPresent()) {
			return binaries.get();
		}
		if (!installer.available()) {
			throw new IllegalStateException(INSTALL_HINT);
		}
		logger.warn("Chromium or ChromeDriver is not on the PATH: installing chromium and chromium-driver with apt-get"
				+ " (once, for the browser tests)");
		installer.install();
		BrowserBinaries installed = onPath(path).orElseThrow(() -> new IllegalStateException(
				"apt-get installed chromium and chromium-driver, but they are still not on the PATH. " + INSTALL_HINT));
		logger.warn("Installed Chromium at {} and ChromeDriver at {} with apt-get", installed.chromium(),
				installed.chromedriver());
		return installed;
	}

	static Optional<BrowserBinaries> onPath(@Nullable String path) {
		Optional<Path> chromium = CHROMIUM_NAMES.stream().flatMap((name) -> find(path, name).stream()).findFirst();
		Optional<Path> chromedriver = find(path, CHROMEDRIVER_NAME);
		if (chromium.isEmpty() || chromedriver.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new BrowserBinaries(chromium.get(), chromedriver.get()));
	}

	static Optional<Path> find(@Nullable String path, String name) {
		if (path == null || path.isBlank()) {
			return Optional.empty();
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (directory.isBlank()) {
				continue;
			}
			Path candidate = Path.of(directory, name);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * Installs Chromium and ChromeDriver.
	 */
	interface Installer {

		/**
		 * Whether this machine lets the tests install packages.
		 * @return {@code true} if {@link #install()} may be called
		 */
		boolean available();

		/** Install the packages; fails with the reason when that does not work. */
		void install();

	}

	/**
	 * {@code apt-get} on Debian or Ubuntu, as root.
	 */
	static final class AptGet implements Installer {

		private static final long TIMEOUT_MINUTES = 15;

		private final @Nullable String path;

		private final boolean root;

		private final boolean debian;

		AptGet(@Nullable String path, boolean root, boolean debian) {
			this.path = path;
			this.root = root;
			this.debian = debian;
		}

		static AptGet system() {
			return new AptGet(System.getenv("PATH"), "root".equals(System.getProperty("user.name")),
					Files.isRegularFile(Path.of("/etc/debian_version")));
		}

		@Override
		public boolean available() {
			return this.root && this.debian && find(this.path, "apt-get").isPresent();
		}

		@Override
		public void install() {
			run(List.of("apt-get", "update", "-qq"));
			run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver"));
		}

		private static void run(List<String> command) {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
			try {
				Process process = builder.start();
				if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					throw new IllegalStateException(String.join(" ", command) + " did not finish within "
							+ TIMEOUT_MINUTES + " minutes. " + INSTALL_HINT);
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException(String.join(" ", command) + " failed with exit status "
							+ process.exitValue() + ". " + INSTALL_HINT);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Unable to run " + String.join(" ", command) + ". " + INSTALL_HINT, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while running " + String.join(" ", command), ex);
			}
		}

	}

}

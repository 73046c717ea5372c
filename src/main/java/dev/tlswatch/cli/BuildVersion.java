package dev.tlswatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the version the build wrote into
 * {@code META-INF/build-info.properties}, and the Java runtime.
 */
final class BuildVersion implements IVersionProvider {

	static final String BUILD_INFO = "META-INF/build-info.properties";

	@Override
	public String[] getVersion() {
		Properties build = buildInfo();
		String version = build.getProperty("build.version", "(development build)");
		String time = build.getProperty("build.time");
		return new String[] { "TLSWatch " + version + ((time != null) ? " (built " + time + ")" : ""),
				"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
						+ System.getProperty("os.name") + " " + System.getProperty("os.arch") };
	}

	private static Properties buildInfo() {
		Properties properties = new Properties();
		try (InputStream in = BuildVersion.class.getClassLoader().getResourceAsStream(BUILD_INFO)) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			// No build information: the version says "development build".
		}
		return properties;
	}

}

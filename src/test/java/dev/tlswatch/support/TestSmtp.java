package dev.tlswatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.ServerSetup;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The SMTP port of this test JVM: picked free once per JVM, so that test runs side by
 * side (several checkouts on one machine) do not meet on one fixed port. Every test
 * context's {@code spring.mail.port} points at it, and GreenMail servers of the tests
 * listen on it ({@link #setup()}).
 */
public final class TestSmtp implements ContextCustomizerFactory {

	/** The port, the same for every context and GreenMail server of this JVM. */
	public static final int PORT = freePort();

	/**
	 * A GreenMail SMTP set-up on 127.0.0.1 and {@link #PORT}.
	 * @return the set-up
	 */
	public static ServerSetup setup() {
		return new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
	}

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to find a free port for the test SMTP server", ex);
		}
	}

	/**
	 * Sets {@code tlswatch.test.smtp-port}, which the test profile's
	 * {@code spring.mail.port} reads; equal to every other, so the context cache is not
	 * split.
	 */
	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("testSmtpPort", Map.of("tlswatch.test.smtp-port", PORT)));
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}

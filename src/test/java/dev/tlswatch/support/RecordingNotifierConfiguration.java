package dev.tlswatch.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts a {@link RecordingNotifier} before any real notifier, for tests that assert which
 * messages were queued.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingNotifierConfiguration {

	@Bean
	@Primary
	RecordingNotifier recordingNotifier() {
		return new RecordingNotifier();
	}

}

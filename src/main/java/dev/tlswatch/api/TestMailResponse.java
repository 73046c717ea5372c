package dev.tlswatch.api;

import java.util.List;

import dev.tlswatch.notify.TestMailResult;
import org.jspecify.annotations.Nullable;

/**
 * What a test mail did.
 *
 * @param sent whether the SMTP server accepted it
 * @param recipients to whom it went
 * @param error why not, {@code null} when sent
 */
record TestMailResponse(boolean sent, List<String> recipients, @Nullable String error) {

	static TestMailResponse of(TestMailResult result) {
		return new TestMailResponse(result.sent(), result.recipients(), result.error());
	}

}

package dev.tlswatch.notify;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a test mail did.
 *
 * @param sent whether the SMTP server accepted it
 * @param recipients to whom it went
 * @param error why not, {@code null} when sent
 */
public record TestMailResult(boolean sent, List<String> recipients, @Nullable String error) {

	public TestMailResult {
		recipients = List.copyOf(recipients);
	}

}

package dev.tlswatch.scan;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Whether one address accepts one protocol version, as its answer to a ClientHello
 * offering only that version showed.
 *
 * @param version the version offered
 * @param outcome what the answer showed
 * @param detail the answer in a few words (the cipher suite chosen, the alert, the lower
 * version chosen, the error), {@code null} if there is nothing to add
 */
public record VersionResult(ProtocolVersion version, VersionOutcome outcome, @Nullable String detail) {

	public VersionResult {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(outcome, "outcome");
	}

}

package dev.tlswatch.scan;

import java.util.Arrays;

import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.StartTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link TlsModes}: every mode has its probe counterpart.
 */
class TlsModesTests {

	@ParameterizedTest
	@EnumSource(value = TlsMode.class, mode = EnumSource.Mode.EXCLUDE, names = "AUTO")
	void everyConcreteModeMapsToTheDialectOfTheSameName(TlsMode mode) {
		StartTls startTls = TlsModes.startTls(mode);

		assertThat(startTls.name())
			.isEqualTo((mode == TlsMode.IMPLICIT) ? "NONE" : mode.name().substring("STARTTLS_".length()));
	}

	@Test
	void everyDialectIsReachable() {
		assertThat(Arrays.stream(TlsMode.values()).filter((mode) -> mode != TlsMode.AUTO).map(TlsModes::startTls))
			.containsExactlyInAnyOrder(StartTls.values());
	}

	@Test
	void autoIsResolvedFromThePort() {
		assertThat(TlsModes.startTls(TlsMode.AUTO, 587)).isEqualTo(StartTls.SMTP);
		assertThat(TlsModes.startTls(TlsMode.AUTO, 5432)).isEqualTo(StartTls.POSTGRES);
		assertThat(TlsModes.startTls(TlsMode.AUTO, 8443)).isEqualTo(StartTls.NONE);
		assertThat(TlsModes.startTls(TlsMode.STARTTLS_IMAP, 993)).isEqualTo(StartTls.IMAP);
		assertThatIllegalArgumentException().isThrownBy(() -> TlsModes.startTls(TlsMode.AUTO));
	}

}

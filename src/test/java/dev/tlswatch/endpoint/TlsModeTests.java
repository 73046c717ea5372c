package dev.tlswatch.endpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class TlsModeTests {

	@ParameterizedTest(name = "port {0} -> {1}")
	@CsvSource({ "25, STARTTLS_SMTP", "587, STARTTLS_SMTP", "143, STARTTLS_IMAP", "110, STARTTLS_POP3",
			"21, STARTTLS_FTP", "389, STARTTLS_LDAP", "5222, STARTTLS_XMPP", "5432, STARTTLS_POSTGRES",
			"3306, STARTTLS_MYSQL", "119, STARTTLS_NNTP", "4190, STARTTLS_SIEVE", "24, STARTTLS_LMTP",
			"6667, STARTTLS_IRC", "1433, STARTTLS_MSSQL" })
	void autoPicksTheDialectOfAWellKnownPort(int port, TlsMode expected) {
		assertThat(TlsMode.AUTO.effectiveFor(port)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "port {0}")
	@CsvSource({ "443", "465", "993", "995", "636", "990", "5223", "8443", "1", "65535" })
	void autoIsImplicitOnAnyOtherPort(int port) {
		assertThat(TlsMode.AUTO.effectiveFor(port)).isEqualTo(TlsMode.IMPLICIT);
	}

	@ParameterizedTest
	@EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "AUTO")
	void concreteModesStayWhatTheyAreOnEveryPort(TlsMode mode) {
		assertThat(mode.effectiveFor(25)).isEqualTo(mode);
		assertThat(mode.effectiveFor(443)).isEqualTo(mode);
	}

	@Test
	void effectiveModeIsNeverAuto() {
		for (int port = 1; port <= 65535; port++) {
			assertThat(TlsMode.AUTO.effectiveFor(port)).isNotEqualTo(TlsMode.AUTO);
		}
	}

}

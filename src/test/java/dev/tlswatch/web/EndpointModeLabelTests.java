package dev.tlswatch.web;

import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.web.EndpointPageView.EndpointHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointModeLabelTests {

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource(delimiter = '|', value = { "IMPLICIT | 443 | Implicit TLS", "STARTTLS_SMTP | 25 | STARTTLS SMTP",
			"STARTTLS_IMAP | 143 | STARTTLS IMAP", "STARTTLS_POP3 | 110 | STARTTLS POP3",
			"STARTTLS_FTP | 21 | STARTTLS FTP", "STARTTLS_LDAP | 389 | STARTTLS LDAP",
			"STARTTLS_XMPP | 5222 | STARTTLS XMPP", "STARTTLS_POSTGRES | 5432 | STARTTLS PostgreSQL",
			"STARTTLS_MYSQL | 3306 | STARTTLS MySQL", "STARTTLS_NNTP | 119 | STARTTLS NNTP",
			"STARTTLS_SIEVE | 4190 | STARTTLS ManageSieve", "STARTTLS_LMTP | 24 | STARTTLS LMTP",
			"STARTTLS_IRC | 6667 | STARTTLS IRC", "STARTTLS_MSSQL | 1433 | STARTTLS SQL Server (TDS)",
			"AUTO | 1433 | Auto (STARTTLS SQL Server (TDS) on port 1433)",
			"AUTO | 3306 | Auto (STARTTLS MySQL on port 3306)", "STARTTLS_SMTP | 2525 | STARTTLS SMTP",
			"AUTO | 587 | Auto (STARTTLS SMTP on port 587)", "AUTO | 5432 | Auto (STARTTLS PostgreSQL on port 5432)",
			"AUTO | 443 | Auto (implicit TLS on port 443)" })
	void modeIsReadableAndAutoSaysWhatItResolvedTo(TlsMode mode, int port, String label) {
		assertThat(EndpointHeader.mode(mode, port)).isEqualTo(label);
	}

}

package dev.tlswatch.probe.jsse;

import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.Hsts.Verdict;
import dev.tlswatch.probe.jsse.HttpResponseHead.NotHttpException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link HstsHeader} and {@link HttpResponseHead} on hand-written input (RFC 6797 §6.1).
 */
class HstsHeaderTests {

	@Test
	void readsMaxAgeAndFlagsInAnyCaseAndOrder() {
		Hsts hsts = HstsHeader.parse("PRELOAD ; includesubdomains;MAX-AGE=\"63072000\"", 200).hsts();

		assertThat(hsts).isEqualTo(new Hsts(Verdict.ENABLED, 200, 63_072_000L, true, true,
				"PRELOAD ; includesubdomains;MAX-AGE=\"63072000\""));
	}

	@Test
	void maxAgeZeroSwitchesHstsOff() {
		Hsts hsts = HstsHeader.parse("max-age=0", 200).hsts();

		assertThat(hsts.verdict()).isEqualTo(Verdict.DISABLED);
		assertThat(hsts.effectiveMaxAge()).isZero();
	}

	@Test
	void unknownDirectivesAndEmptyOnesAreIgnored() {
		HstsHeader.Parsed parsed = HstsHeader.parse("max-age=300;; report-uri=\"https://r.example/\"", 200);

		assertThat(parsed.hsts().maxAge()).isEqualTo(300);
		assertThat(parsed.problem()).isNull();
	}

	@Test
	void anAbsurdMaxAgeIsClampedNotAnError() {
		assertThat(HstsHeader.parse("max-age=99999999999999999999999999", 200).hsts().maxAge())
			.isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void brokenHeadersAreMalformedWithTheReason() {
		assertThat(HstsHeader.parse("includeSubDomains", 200).problem()).isEqualTo("no max-age directive");
		assertThat(HstsHeader.parse("max-age=1; max-age=2", 200).problem())
			.isEqualTo("directive max-age appears twice");
		assertThat(HstsHeader.parse("max-age=-1", 200).problem()).isEqualTo("max-age is not a number of seconds");
		assertThat(HstsHeader.parse("max-age=\"12", 200).problem()).isEqualTo("max-age is not a number of seconds");
		assertThat(HstsHeader.parse("max-age=", 200).problem()).isEqualTo("max-age is not a number of seconds");
		assertThat(HstsHeader.parse("max-age=10; includeSubDomains=yes", 200).problem())
			.isEqualTo("includesubdomains takes no value");
		assertThat(HstsHeader.parse("max age=10", 200).problem()).isEqualTo("invalid directive name in \"max age=10\"");
		assertThat(HstsHeader.parse("max-age=1; max-age=2", 200).hsts())
			.isEqualTo(new Hsts(Verdict.MALFORMED, 200, null, false, false, "max-age=1; max-age=2"));
	}

	@Test
	void noHeaderIsAbsent() {
		assertThat(HstsHeader.parse(null, 404).hsts())
			.isEqualTo(new Hsts(Verdict.ABSENT, 404, null, false, false, null));
	}

	@Test
	void onlyTheFirstHeaderCounts() throws Exception {
		HttpResponseHead head = HttpResponseHead.parse("HTTP/1.1 200 OK\r\nServer: x\r\n"
				+ "Strict-Transport-Security: max-age=1\r\nStrict-Transport-Security: max-age=2");

		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.firstValue("strict-transport-security")).isEqualTo("max-age=1");
		assertThat(head.firstValue("X-Missing")).isNull();
	}

	@Test
	void aStatusLineThatIsNotHttp1IsRefused() {
		assertThatExceptionOfType(NotHttpException.class).isThrownBy(() -> HttpResponseHead.parse("SSH-2.0-OpenSSH"));
		assertThatExceptionOfType(NotHttpException.class).isThrownBy(() -> HttpResponseHead.parse("HTTP/2 200"));
		assertThatExceptionOfType(NotHttpException.class).isThrownBy(() -> HttpResponseHead.parse("HTTP/1.1 20 OK"));
	}

}

package dev.tlswatch.endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import dev.tlswatch.endpoint.InvalidEndpointException.FieldViolation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EndpointDraftValidatorTests {

	private static final int DEFAULT_INTERVAL = 60;

	@Test
	void normalisesAndAppliesDefaults() {
		ValidEndpoint valid = EndpointDraftValidator.validate(
				new EndpointDraft("  Mail.Example.COM. ", 465, TlsMode.IMPLICIT, "  ", null, null, null),
				DEFAULT_INTERVAL);
		assertThat(valid)
			.isEqualTo(new ValidEndpoint("mail.example.com", 465, TlsMode.IMPLICIT, null, 60, List.of(), true));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\t" })
	void hostIsRequired(@Nullable String host) {
		assertThat(violations(draft().host(host))).containsExactly(new FieldViolation("host", "is required"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			EXAMPLE.com                              | example.com
			example.com.                             | example.com
			localhost                                | localhost
			a-b.c0.example                           | a-b.c0.example
			xn--bcher-kva.example                    | xn--bcher-kva.example
			bücher.example                           | xn--bcher-kva.example
			BÜCHER.Example                           | xn--bcher-kva.example
			faß.example                              | xn--fa-hia.example
			FASS.example                             | fass.example
			βόλος.example                            | xn--nxasmm1c.example
			bücher。example                           | xn--bcher-kva.example
			192.0.2.10                               | 192.0.2.10
			0.0.0.0                                  | 0.0.0.0
			[2001:DB8::0:1]                          | 2001:db8::1
			2001:0db8:0000:0000:0000:0000:0000:0001  | 2001:db8::1
			2001:db8:0:1:1:1:1:1                     | 2001:db8:0:1:1:1:1:1
			2001:0:0:1:0:0:0:1                       | 2001:0:0:1::1
			1:0:0:0:0:0:0:0                          | 1::
			::                                       | ::
			[::1]                                    | ::1
			::FFFF:192.0.2.1                         | ::ffff:192.0.2.1
			64:ff9b::192.0.2.1                       | 64:ff9b::c000:201
			""")
	void normalisesValidHosts(String input, String expected) {
		assertThat(validate(draft().host(input)).host()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			mail example.com        | must not contain spaces
			-mail.example.com       | label '-mail' must not start or end with a hyphen
			mail-.example.com       | label 'mail-' must not start or end with a hyphen
			mail..example.com       | must not contain empty labels ("..")
			.example.com            | must not contain empty labels ("..")
			under_score.example     | may only contain letters, digits, hyphens and dots
			mail.example.123        | is not a valid IPv4 address
			256.0.2.1               | is not a valid IPv4 address
			01.0.2.1                | is not a valid IPv4 address
			192.0.2                 | is not a valid IPv4 address
			example.com:443         | is not a valid IPv6 address (give the port in its own field)
			fe80::1%eth0            | is not a valid IPv6 address (give the port in its own field)
			1::2::3                 | is not a valid IPv6 address (give the port in its own field)
			12345::1                | is not a valid IPv6 address (give the port in its own field)
			1:2:3:4:5:6:7:8:9       | is not a valid IPv6 address (give the port in its own field)
			1:2:3:4:5:6:7           | is not a valid IPv6 address (give the port in its own field)
			[::1                    | has an unmatched bracket
			[example.com]           | is not a valid IPv6 address
			ü_x.example             | is not a valid internationalised domain name (IDNA2008, UTS #46)
			a\u200db.example        | is not a valid internationalised domain name (IDNA2008, UTS #46)
			\u05d0\u05d1c.example      | is not a valid internationalised domain name (IDNA2008, UTS #46)
			""")
	void rejectsInvalidHosts(String input, String message) {
		assertThat(violations(draft().host(input))).containsExactly(new FieldViolation("host", message));
	}

	@Test
	void hostLabelsHaveAtMost63Characters() {
		String label63 = "a".repeat(63);
		assertThat(validate(draft().host(label63 + ".example")).host()).isEqualTo(label63 + ".example");
		assertThat(violations(draft().host(label63 + "b.example")))
			.containsExactly(new FieldViolation("host", "label '" + label63 + "b' is longer than 63 characters"));
	}

	@Test
	void hostHasAtMost253Characters() {
		String label = "a".repeat(63);
		String name253 = String.join(".", label, label, label, "a".repeat(61));
		assertThat(name253).hasSize(253);
		assertThat(validate(draft().host(name253 + ".")).host()).isEqualTo(name253);
		assertThat(violations(draft().host(name253 + "a")))
			.containsExactly(new FieldViolation("host", "must be at most 253 characters long"));
	}

	@Test
	void portIsRequired() {
		assertThat(violations(draft().port(null))).containsExactly(new FieldViolation("port", "is required"));
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 0, 65536, 70000 })
	void portIsBetween1And65535(int port) {
		assertThat(violations(draft().port(port)))
			.containsExactly(new FieldViolation("port", "must be between 1 and 65535"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 443, 65535 })
	void acceptsPortsInRange(int port) {
		assertThat(validate(draft().port(port)).port()).isEqualTo(port);
	}

	@Test
	void tlsModeIsRequired() {
		assertThat(violations(draft().tlsMode(null))).containsExactly(new FieldViolation("tlsMode", "is required"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			NULL                 | NULL
			''                   | NULL
			'   '                | NULL
			' WWW.Example.com. ' | www.example.com
			bücher.example       | xn--bcher-kva.example
			mail.example.com     | NULL
			""")
	void normalisesSniName(@Nullable String input, @Nullable String expected) {
		assertThat(validate(draft().host("mail.example.com").sniName(input)).sniName()).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.1", "::1", "[2001:db8::1]" })
	void sniNameIsNotAnIpAddress(String sniName) {
		assertThat(violations(draft().sniName(sniName)))
			.containsExactly(new FieldViolation("sniName", "must be a DNS name, not an IP address"));
	}

	@Test
	void sniNameFollowsTheDnsNameRules() {
		assertThat(violations(draft().sniName("www example.com")))
			.containsExactly(new FieldViolation("sniName", "must not contain spaces"));
		assertThat(violations(draft().sniName("www_1.example.com")))
			.containsExactly(new FieldViolation("sniName", "may only contain letters, digits, hyphens and dots"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 60, 10080 })
	void acceptsIntervalsUpToAWeek(int minutes) {
		assertThat(validate(draft().interval(minutes)).scanIntervalMinutes()).isEqualTo(minutes);
	}

	@ParameterizedTest
	@ValueSource(ints = { -5, 0, 10081 })
	void rejectsIntervalsOutOfRange(int minutes) {
		assertThat(violations(draft().interval(minutes)))
			.containsExactly(new FieldViolation("scanIntervalMinutes", "must be between 1 and 10080"));
	}

	@Test
	void intervalDefaultsToTheSetting() {
		assertThat(EndpointDraftValidator.validate(draft().interval(null).build(), 15).scanIntervalMinutes())
			.isEqualTo(15);
	}

	@Test
	void tagsAreTrimmedLowerCasedUniqueAndSorted() {
		assertThat(validate(draft().tags(" Prod ", "mail", "MAIL", "a.b_c-d")).tags()).containsExactly("a.b_c-d",
				"mail", "prod");
	}

	@Test
	void tagsMatchThePattern() {
		String tag64 = "t".repeat(64);
		assertThat(validate(draft().tags(tag64)).tags()).containsExactly(tag64);
		String pattern = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
		assertThat(violations(draft().tags("ok", "bad tag", "-x", tag64 + "t", "é", "", null))).containsExactly(
				new FieldViolation("tags[1]", pattern), new FieldViolation("tags[2]", pattern),
				new FieldViolation("tags[3]", pattern), new FieldViolation("tags[4]", pattern),
				new FieldViolation("tags[5]", "must not be blank"), new FieldViolation("tags[6]", "must not be blank"));
	}

	@Test
	void atMost20DifferentTags() {
		String[] twenty = IntStream.range(0, 20).mapToObj((i) -> "tag" + i).toArray(String[]::new);
		List<String> twentyAndDuplicates = new ArrayList<>(Arrays.asList(twenty));
		twentyAndDuplicates.add("TAG0");
		assertThat(validate(draft().tags(twentyAndDuplicates.toArray(String[]::new))).tags()).hasSize(20);
		List<String> twentyOne = new ArrayList<>(Arrays.asList(twenty));
		twentyOne.add("tag20");
		assertThat(violations(draft().tags(twentyOne.toArray(String[]::new))))
			.containsExactly(new FieldViolation("tags", "must not have more than 20 different tags"));
	}

	@Test
	void enabledDefaultsToTrue() {
		assertThat(validate(draft().enabled(null)).enabled()).isTrue();
		assertThat(validate(draft().enabled(false)).enabled()).isFalse();
	}

	@Test
	void reportsEveryInvalidFieldAtOnce() {
		EndpointDraft draft = new EndpointDraft("bad host", 0, null, "192.0.2.1", 0, List.of("bad tag"), null);
		assertThatExceptionOfType(InvalidEndpointException.class)
			.isThrownBy(() -> EndpointDraftValidator.validate(draft, DEFAULT_INTERVAL))
			.extracting(InvalidEndpointException::getViolations)
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldViolation.class))
			.extracting(FieldViolation::field)
			.containsExactly("host", "port", "tlsMode", "sniName", "scanIntervalMinutes", "tags[0]");
	}

	private static ValidEndpoint validate(DraftBuilder draft) {
		return EndpointDraftValidator.validate(draft.build(), DEFAULT_INTERVAL);
	}

	private static List<FieldViolation> violations(DraftBuilder draft) {
		InvalidEndpointException ex = catchThrowableOfType(InvalidEndpointException.class,
				() -> EndpointDraftValidator.validate(draft.build(), DEFAULT_INTERVAL));
		assertThat(ex).as("violations of " + draft.build()).isNotNull();
		return ex.getViolations();
	}

	private static DraftBuilder draft() {
		return new DraftBuilder();
	}

	/** A valid draft to start from, changed one field at a time. */
	private static final class DraftBuilder {

		private @Nullable String host = "mail.example.com";

		private @Nullable Integer port = 465;

		private @Nullable TlsMode tlsMode = TlsMode.IMPLICIT;

		private @Nullable String sniName;

		private @Nullable Integer interval;

		private @Nullable List<@Nullable String> tags;

		private @Nullable Boolean enabled;

		DraftBuilder host(@Nullable String host) {
			this.host = host;
			return this;
		}

		DraftBuilder port(@Nullable Integer port) {
			this.port = port;
			return this;
		}

		DraftBuilder tlsMode(@Nullable TlsMode tlsMode) {
			this.tlsMode = tlsMode;
			return this;
		}

		DraftBuilder sniName(@Nullable String sniName) {
			this.sniName = sniName;
			return this;
		}

		DraftBuilder interval(@Nullable Integer interval) {
			this.interval = interval;
			return this;
		}

		DraftBuilder tags(@Nullable String... tags) {
			this.tags = Arrays.asList(tags);
			return this;
		}

		DraftBuilder enabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		@SuppressWarnings("NullAway")
		EndpointDraft build() {
			return new EndpointDraft(this.host, this.port, this.tlsMode, this.sniName, this.interval,
					(List<String>) (List<?>) this.tags, this.enabled);
		}

	}

}

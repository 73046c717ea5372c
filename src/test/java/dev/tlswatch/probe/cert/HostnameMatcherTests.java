package dev.tlswatch.probe.cert;

import java.security.cert.X509Certificate;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates.KeyType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6125 host matching: {@link HostnameMatcher}.
 */
class HostnameMatcherTests {

	private static Issued ca;

	@BeforeAll
	static void createCa() {
		ca = TestCertificates.rootCa("Host Matching CA");
	}

	@ParameterizedTest(name = "{0} matches {1}")
	@CsvSource({ "example.com, example.com", "EXAMPLE.com, example.com", "example.com., example.com",
			"www.example.com, www.example.com", "*.example.com, a.example.com", "*.EXAMPLE.COM, www.example.com",
			"*.example.com., a.example.com", "*.example.com, xn--bcher-kva.example.com",
			"*.a.example.com, b.a.example.com", "*.example.co.uk, www.example.co.uk",
			"my_host.example, my_host.example" })
	void presentedIdentifierMatches(String presented, String reference) {
		assertThat(HostnameMatcher.matchesDnsName(presented, reference)).isTrue();
	}

	@ParameterizedTest(name = "{0} does not match {1}")
	@CsvSource({ "example.com, www.example.com", "www.example.com, example.com", "*.example.com, example.com",
			"*.example.com, a.b.example.com", "f*.example.com, foo.example.com", "*o.example.com, foo.example.com",
			"a*b.example.com, ab.example.com", "*.com, example.com", "*, com", "*., com",
			"a.*.example.com, a.b.example.com", "*.*.example.com, a.b.example.com", "**.example.com, a.example.com",
			"xn--*.example.com, xn--a.example.com", "*.example.com, .example.com", "example..com, example..com",
			"'', example.com", "example.com.evil, example.com", "bücher.example, xn--bcher-kva.example" })
	void presentedIdentifierDoesNotMatch(String presented, String reference) {
		assertThat(HostnameMatcher.matchesDnsName(presented, reference)).isFalse();
	}

	@Test
	void dnsNameIsComparedWithDnsSubjectAltNamesIgnoringCaseAndTrailingDot() {
		X509Certificate certificate = leaf("ignored").dnsNames("www.example.com", "api.example.com")
			.issuedBy(ca)
			.certificate();
		assertThat(HostnameMatcher.matches(certificate, "API.Example.com.")).isTrue();
		assertThat(HostnameMatcher.matches(certificate, "www.example.com")).isTrue();
		assertThat(HostnameMatcher.matches(certificate, "example.com")).isFalse();
		assertThat(HostnameMatcher.matches(certificate, "ignored")).isFalse();
	}

	@Test
	void wildcardSubjectAltNameCoversExactlyOneLabel() {
		X509Certificate certificate = leaf("wildcard").dnsNames("*.example.com").issuedBy(ca).certificate();
		assertThat(HostnameMatcher.matches(certificate, "a.example.com")).isTrue();
		assertThat(HostnameMatcher.matches(certificate, "example.com")).isFalse();
		assertThat(HostnameMatcher.matches(certificate, "a.b.example.com")).isFalse();
	}

	@Test
	void internationalizedReferenceNameComparesAsALabel() {
		X509Certificate certificate = leaf("idn").dnsNames("xn--bcher-kva.example").issuedBy(ca).certificate();
		assertThat(HostnameMatcher.matches(certificate, "bücher.example")).isTrue();
		assertThat(HostnameMatcher.matches(certificate, "xn--bcher-kva.example")).isTrue();
		assertThat(HostnameMatcher.matches(certificate, "bucher.example")).isFalse();
	}

	@Test
	void ipLiteralIsComparedWithIpSubjectAltNamesOnly() {
		X509Certificate certificate = leaf("127.0.0.1").dnsNames("10.0.0.1")
			.ipAddresses("127.0.0.1", "2001:db8::1")
			.issuedBy(ca)
			.certificate();
		assertThat(HostnameMatcher.matches(certificate, "127.0.0.1")).isTrue();
		assertThat(HostnameMatcher.matches(certificate, "2001:DB8:0:0:0:0:0:1")).isTrue();
		assertThat(HostnameMatcher.matches(certificate, "[2001:db8::1]")).isTrue();
		assertThat(HostnameMatcher.matches(certificate, "10.0.0.1")).isFalse();
		assertThat(HostnameMatcher.matches(certificate, "127.0.0.2")).isFalse();
	}

	@Test
	void ipv4MappedIpv6ReferenceMatchesIpv4SubjectAltName() {
		X509Certificate certificate = leaf("mapped").ipAddresses("192.0.2.7").issuedBy(ca).certificate();
		assertThat(HostnameMatcher.matches(certificate, "::ffff:192.0.2.7")).isTrue();
	}

	@Test
	void commonNameIsIgnoredWhenSubjectAltNamesExist() {
		X509Certificate withDns = leaf("example.com").dnsNames("other.example").issuedBy(ca).certificate();
		X509Certificate withIpOnly = leaf("example.com").ipAddresses("192.0.2.1").issuedBy(ca).certificate();
		assertThat(HostnameMatcher.matches(withDns, "example.com")).isFalse();
		assertThat(HostnameMatcher.matches(withIpOnly, "example.com")).isFalse();
	}

	@Test
	void commonNameCountsOnlyWithoutSubjectAltNames() {
		assertThat(HostnameMatcher.matches(leaf("Example.COM").issuedBy(ca).certificate(), "example.com")).isTrue();
		assertThat(HostnameMatcher.matches(leaf("*.example.com").issuedBy(ca).certificate(), "a.example.com")).isTrue();
		assertThat(HostnameMatcher.matches(leaf("*.example.com").issuedBy(ca).certificate(), "example.com")).isFalse();
	}

	@Test
	void commonNameNeverMatchesAnIpLiteral() {
		X509Certificate certificate = leaf("127.0.0.1").issuedBy(ca).certificate();
		assertThat(HostnameMatcher.matches(certificate, "127.0.0.1")).isFalse();
	}

	@Test
	void hostileCommonNameMatchesNothing() {
		X509Certificate certificate = leaf("<script>alert(1)</script>").issuedBy(ca).certificate();
		assertThat(HostnameMatcher.matches(certificate, "script")).isFalse();
		assertThat(HostnameMatcher.matches(certificate, "<script>alert(1)</script>")).isFalse();
	}

	@Test
	void invalidReferenceNamesMatchNothing() {
		X509Certificate certificate = leaf("example.com").dnsNames("*.example.com", "example.com")
			.issuedBy(ca)
			.certificate();
		assertThat(HostnameMatcher.matches(certificate, "")).isFalse();
		assertThat(HostnameMatcher.matches(certificate, ".")).isFalse();
		assertThat(HostnameMatcher.matches(certificate, "*.example.com")).isFalse();
		assertThat(HostnameMatcher.matches(certificate, "exa mple.com")).isFalse();
		assertThat(HostnameMatcher.matches(certificate, "a..example.com")).isFalse();
		assertThat(HostnameMatcher.matches(certificate, "a".repeat(64) + ".example.com")).isFalse();
	}

	private static TestCertificates.LeafSpec leaf(String commonName) {
		// EC keys are generated quickly
		return TestCertificates.leaf(commonName).keyType(KeyType.EC_P256);
	}

}

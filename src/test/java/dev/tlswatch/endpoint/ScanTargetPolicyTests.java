package dev.tlswatch.endpoint;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.tlswatch.endpoint.CidrTests.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScanTargetPolicyTests {

	private static final ScanTargetPolicy DEFAULTS = policy(settings(true, true, List.of(), List.of()));

	@ParameterizedTest
	@ValueSource(strings = { "169.254.169.254", "169.254.0.1", "fe80::1", "fd00:ec2::254", "100.100.100.200", "0.0.0.0",
			"0.1.2.3", "::", "224.0.0.1", "239.255.255.250", "ff02::1", "255.255.255.255", "240.0.0.1", "::7f00:1",
			"::ffff:169.254.169.254", "[fe80::1]" })
	void deniesMetadataLinkLocalUnspecifiedMulticastAndReservedByDefault(String host) {
		PolicyDecision decision = DEFAULTS.check(host);
		assertThat(decision.denied()).as(host).isTrue();
		assertThat(decision.reason()).isNotBlank();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1",
			"fd12::1", "203.0.113.7", "2001:db8::1", "8.8.8.8", "example.com", "localhost" })
	void allowsLoopbackPrivateAndPublicByDefault(String host) {
		assertThat(DEFAULTS.check(host).allowed()).as(host).isTrue();
	}

	@Test
	void namesTheRuleAndItsKeyInTheReason() {
		assertThat(DEFAULTS.check("169.254.169.254").reason())
			.isEqualTo("169.254.169.254 is a cloud metadata service address "
					+ "(tlswatch.scan-policy.allow-cloud-metadata is false)");
		assertThat(DEFAULTS.check("169.254.1.1").reason())
			.isEqualTo("169.254.1.1 is a link-local address (tlswatch.scan-policy.allow-link-local is false)");
		assertThat(DEFAULTS.check("0.0.0.0").reason())
			.isEqualTo("0.0.0.0 is an unspecified address and is never scanned");
		assertThat(DEFAULTS.check("metadata.google.internal").reason()).isEqualTo(
				"metadata.google.internal matches the denied host pattern metadata.google.internal (tlswatch.scan-policy.deny-hosts)");
	}

	@Test
	void loopbackAndPrivateCanBeSwitchedOff() {
		ScanTargetPolicy strict = policy(settings(false, false, List.of(), List.of()));

		assertThat(strict.check("127.0.0.1").reason()).contains("allow-loopback is false");
		assertThat(strict.check("::1").denied()).isTrue();
		assertThat(strict.check("10.0.0.1").reason()).contains("allow-private is false");
		assertThat(strict.check("fd12::1").denied()).isTrue();
		assertThat(strict.check("203.0.113.7").allowed()).isTrue();
	}

	@Test
	void ipv4MappedAddressesAreJudgedAsIpv4() throws UnknownHostException {
		ScanTargetPolicy strict = policy(settings(false, true, List.of(), List.of()));
		byte[] mapped = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1 };

		assertThat(strict.checkAddress(Inet6Address.getByAddress(null, mapped, null)).reason())
			.isEqualTo("127.0.0.1 is a loopback address (tlswatch.scan-policy.allow-loopback is false)");
	}

	@Test
	void allowNetworksOverrideSwitchesButNotDenyNetworksOrMetadata() {
		ScanTargetPolicy policy = policy(
				settings(false, false, List.of("10.1.0.0/16", "169.254.0.0/16", "::1"), List.of("10.1.2.0/24")));

		assertThat(policy.check("10.1.3.4").allowed()).isTrue();
		assertThat(policy.check("10.2.0.1").denied()).isTrue();
		assertThat(policy.check("10.1.2.3").reason())
			.isEqualTo("10.1.2.3 is in the denied network 10.1.2.0/24 (tlswatch.scan-policy.deny)");
		assertThat(policy.check("169.254.1.1").allowed()).isTrue();
		assertThat(policy.check("169.254.169.254").denied()).isTrue();
		assertThat(policy.check("::1").allowed()).isTrue();
		assertThat(policy.check("127.0.0.1").denied()).isTrue();
	}

	@Test
	void denyNetworksApplyToPublicAddresses() {
		ScanTargetPolicy policy = policy(settings(true, true, List.of(), List.of("203.0.113.0/24", "2001:db8::/32")));

		assertThat(policy.check("203.0.113.9").denied()).isTrue();
		assertThat(policy.check("2001:db8::5").denied()).isTrue();
		assertThat(policy.check("198.51.100.1").allowed()).isTrue();
	}

	@Test
	void allowPublicFalseAllowsOnlyListedNetworksAndAllowedCategories() {
		ScanTargetPolicy policy = policy(new ScanPolicySettings(false, true, false, false, false,
				List.of("198.51.100.0/24"), List.of(), List.of(), List.of()));

		assertThat(policy.check("198.51.100.1").allowed()).isTrue();
		assertThat(policy.check("10.0.0.1").allowed()).isTrue();
		assertThat(policy.check("203.0.113.1").reason()).contains("allow-public is false");
	}

	@Test
	void cloudMetadataHasItsOwnSwitch() {
		ScanTargetPolicy policy = policy(
				new ScanPolicySettings(true, true, true, true, true, List.of(), List.of(), List.of(), List.of()));

		assertThat(policy.check("169.254.169.254").allowed()).isTrue();
		assertThat(policy.check("fd00:ec2::254").allowed()).isTrue();
		assertThat(policy.check("0.0.0.0").denied()).isTrue();
	}

	@Test
	void hostPatternsMatchExactNamesAndSubdomains() {
		ScanTargetPolicy policy = policy(new ScanPolicySettings(true, true, false, false, true, List.of(), List.of(),
				List.of("*.example.com", "other.example"), List.of("*.internal.example.com", "Secret.Example.com.")));

		assertThat(policy.check("www.example.com").allowed()).isTrue();
		assertThat(policy.check("a.b.example.com").allowed()).isTrue();
		assertThat(policy.check("example.com").reason()).contains("matches none of the allowed host patterns");
		assertThat(policy.check("notexample.com").denied()).isTrue();
		assertThat(policy.check("other.example").allowed()).isTrue();
		assertThat(policy.check("db.internal.example.com").reason())
			.contains("denied host pattern *.internal.example.com");
		assertThat(policy.check("SECRET.example.com").reason()).contains("denied host pattern secret.example.com");
		// IP literals are judged by their network only.
		assertThat(policy.check("203.0.113.7").allowed()).isTrue();
	}

	@Test
	void invalidHostsAreDenied() {
		assertThat(DEFAULTS.check("not a host").denied()).isTrue();
		assertThat(DEFAULTS.check("x".repeat(5000)).reason()).hasSizeLessThan(300);
	}

	@Test
	void invalidConfigurationFailsNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> policy(settings(true, true, List.of("10.0.0.0/33"), List.of())))
			.withMessageStartingWith("tlswatch.scan-policy.allow[0]: Invalid network '10.0.0.0/33'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> policy(new ScanPolicySettings(true, true, false, false, true, List.of(), List.of(),
					List.of("*.*.example.com"), List.of())))
			.withMessageStartingWith("tlswatch.scan-policy.allow-hosts[0]: '*.*.example.com'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(true, true, java.util.Collections.nCopies(1001, "10.0.0.0/8"), List.of()))
			.withMessageContaining("must not have more than 1000 entries");
	}

	@Test
	void registrationRefusesDeniedHostsNamingTheHostField() {
		InvalidEndpointException ex = org.assertj.core.api.Assertions.catchThrowableOfType(
				InvalidEndpointException.class,
				() -> EndpointDraftValidator.validate(
						new EndpointDraft("169.254.169.254", 70000, TlsMode.IMPLICIT, null, null, null, null), 60,
						DEFAULTS));

		assertThat(ex.getViolations()).extracting(InvalidEndpointException.FieldViolation::field)
			.containsExactly("host", "port");
		assertThat(ex.getViolations().get(0).message()).startsWith("is not allowed as a scan target: 169.254.169.254");
	}

	/**
	 * NAT64 (well-known and local-use), IPv4-translated, 6to4 and Teredo (server and
	 * client) forms of 169.254.169.254.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "64:ff9b::a9fe:a9fe", "64:ff9b::169.254.169.254", "[64:ff9b::a9fe:a9fe]",
			"64:ff9b:1::a9fe:a9fe", "::ffff:0:a9fe:a9fe", "::ffff:0:169.254.169.254", "2002:a9fe:a9fe::1",
			"2002:a9fe:a9fe:1234:5678::9", "2001:0:a9fe:a9fe::a247:27dd", "2001:0:5db8:d822:0:0:5601:5601" })
	void judgesIpv6FormsThatCarryAnIpv4AddressByThatAddress(String host) {
		PolicyDecision decision = DEFAULTS.check(host);

		assertThat(decision.denied()).as(host).isTrue();
		assertThat(decision.reason()).as(host)
			.contains("that carries 169.254.169.254, and 169.254.169.254 is a cloud metadata service address");
	}

	@Test
	void namesTheFormInTheReason() {
		assertThat(DEFAULTS.check("64:ff9b::a9fe:a9fe").reason())
			.isEqualTo("64:ff9b::a9fe:a9fe is a NAT64 address (64:ff9b::/96) that carries 169.254.169.254, "
					+ "and 169.254.169.254 is a cloud metadata service address "
					+ "(tlswatch.scan-policy.allow-cloud-metadata is false)");
		assertThat(DEFAULTS.check("::ffff:0:a9fe:1").reason()).contains("an IPv4-translated address (::ffff:0:0:0/96)")
			.contains("169.254.0.1 is a link-local address");
		assertThat(DEFAULTS.check("2002:a9fe:1::").reason()).contains("a 6to4 address (2002::/16)");
		assertThat(DEFAULTS.check("2001:0:a9fe:101::a247:27dd").reason())
			.contains("a Teredo address (2001::/32) (server) that carries 169.254.1.1");
		assertThat(DEFAULTS.check("2001:0:5db8:d822::5601:fefe").reason())
			.contains("a Teredo address (2001::/32) (client) that carries 169.254.1.1");
	}

	@Test
	void carriedAddressesFollowTheSwitchesAndNetworks() {
		ScanTargetPolicy strict = policy(settings(false, false, List.of(), List.of("198.51.100.0/24")));

		for (String loopback : List.of("64:ff9b::7f00:1", "64:ff9b:1::7f00:1", "::ffff:0:7f00:1", "2002:7f00:1::",
				"2001:0:7f00:1::a247:27dd", "2001:0:5db8:d822::80ff:fffe")) {
			assertThat(strict.check(loopback).reason()).as(loopback).contains("allow-loopback is false");
			assertThat(DEFAULTS.check(loopback).allowed()).as(loopback).isTrue();
		}
		for (String privateAddress : List.of("64:ff9b::a00:1", "::ffff:0:c0a8:101", "2002:ac10:1::1")) {
			assertThat(strict.check(privateAddress).reason()).as(privateAddress).contains("allow-private is false");
		}
		assertThat(strict.check("2002:c633:6401::").reason()).contains("in the denied network 198.51.100.0/24");
		assertThat(strict.check("64:ff9b::0.0.0.1").reason()).contains("unspecified address and is never scanned");
	}

	@Test
	void publicAddressesInTheseFormsStayAllowed() {
		for (String host : List.of("64:ff9b::5db8:d822", "64:ff9b:1::5db8:d822", "::ffff:0:5db8:d822",
				"2002:5db8:d822::1", "2001:0:5db8:d822::a247:27dd", "2001:db8::1", "2001:4860:4860::8888")) {
			assertThat(DEFAULTS.check(host).allowed()).as(host).isTrue();
		}
	}

	@Test
	void aLocalUseNat64AddressWhoseIpv4CannotBeToldIsDenied() {
		assertThat(DEFAULTS.check("64:ff9b:1:a9fe:a9:fe00::").reason())
			.contains("a local-use NAT64 address (64:ff9b:1::/48) whose IPv4 address depends on the network's "
					+ "NAT64 prefix length");
	}

	private static ScanPolicySettings settings(boolean loopback, boolean privateNetworks, List<String> allow,
			List<String> deny) {
		return new ScanPolicySettings(loopback, privateNetworks, false, false, true, allow, deny, List.of(),
				List.of("metadata.google.internal"));
	}

	private static ScanTargetPolicy policy(ScanPolicySettings settings) {
		return new ScanTargetPolicy(settings);
	}

}

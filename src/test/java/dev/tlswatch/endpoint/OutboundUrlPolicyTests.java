package dev.tlswatch.endpoint;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.tlswatch.endpoint.CidrTests.address;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan target policy for outbound URLs (webhooks, OCSP, CRL): the URL as given, then
 * every address its name resolves to.
 */
class OutboundUrlPolicyTests {

	private static final Map<String, List<String>> NAMES = Map.of("hooks.example.test", List.of("93.184.216.34"),
			"nat64-metadata.example.test", List.of("93.184.216.34", "64:ff9b::a9fe:a9fe"), "teredo.example.test",
			List.of("2001:0:5db8:d822::5601:5601"), "sixtofour.example.test", List.of("2002:a9fe:a9fe::1"),
			"translated.example.test", List.of("::ffff:0:a9fe:a9fe"));

	private final OutboundUrlPolicy policy = new OutboundUrlPolicy(new ScanTargetPolicy(new ScanPolicySettings(true,
			true, false, false, true, List.of(), List.of(), List.of(), List.of("metadata.google.internal"))),
			OutboundUrlPolicyTests::resolve);

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254/latest/meta-data/", "http://[64:ff9b::a9fe:a9fe]/",
			"https://[64:ff9b:1::a9fe:a9fe]:8443/hook", "http://[::ffff:0:a9fe:a9fe]/", "http://[2002:a9fe:a9fe::1]/",
			"http://[2001:0:5db8:d822::5601:5601]/", "http://[::ffff:169.254.169.254]/",
			"http://metadata.google.internal/computeMetadata/v1/" })
	void deniesUrlsWhoseHostIsDeniedWithoutALookup(String url) {
		PolicyDecision decision = this.policy.check(URI.create(url));

		assertThat(decision.denied()).as(url).isTrue();
		assertThat(decision.reason()).as(url).containsAnyOf("169.254.169.254", "metadata.google.internal");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://hooks.example.test/", "file:///etc/passwd", "/relative/path",
			"http://user:secret@hooks.example.test/", "http:///no-host" })
	void deniesUrlsThatAreNotPlainHttp(String url) {
		assertThat(this.policy.check(URI.create(url)).denied()).as(url).isTrue();
	}

	@Test
	void beforeConnectingEveryResolvedAddressIsJudged() {
		assertThat(this.policy.checkBeforeConnect(URI.create("https://hooks.example.test/services/x")).allowed())
			.isTrue();
		for (String host : List.of("nat64-metadata", "teredo", "sixtofour", "translated")) {
			URI url = URI.create("https://" + host + ".example.test/hook");
			assertThat(this.policy.check(url).allowed()).as(host).isTrue();
			PolicyDecision decision = this.policy.checkBeforeConnect(url);
			assertThat(decision.denied()).as(host).isTrue();
			assertThat(decision.reason()).as(host)
				.startsWith(host + ".example.test resolves to ")
				.contains("that carries 169.254.169.254");
		}
		assertThat(this.policy.checkBeforeConnect(URI.create("https://unknown.example.test/")).reason())
			.isEqualTo("unknown.example.test does not resolve");
		assertThat(this.policy.checkBeforeConnect(URI.create("http://[64:ff9b::5db8:d822]:8080/")).allowed()).isTrue();
	}

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		List<String> addresses = NAMES.get(host);
		if (addresses == null) {
			if (host.indexOf(':') >= 0 || Character.isDigit(host.charAt(0))) {
				return new InetAddress[] { address(host) };
			}
			throw new UnknownHostException(host);
		}
		return addresses.stream().map(CidrTests::address).toArray(InetAddress[]::new);
	}

}

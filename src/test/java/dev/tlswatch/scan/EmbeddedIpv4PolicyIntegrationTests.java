package dev.tlswatch.scan;

import java.util.List;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.InvalidEndpointException;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * IPv6 forms that carry the cloud metadata address (NAT64 well-known and local-use,
 * IPv4-translated, 6to4, Teredo) are refused at registration, in discovery, and at scan
 * time when a name resolves to them, with the default policy.
 */
@IntegrationTest
class EmbeddedIpv4PolicyIntegrationTests {

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private PortDiscovery discovery;

	@ParameterizedTest
	@ValueSource(strings = { "64:ff9b::a9fe:a9fe", "64:ff9b:1::a9fe:a9fe", "::ffff:0:a9fe:a9fe", "2002:a9fe:a9fe::1",
			"2001:0:5db8:d822::5601:5601" })
	void everyFormIsRefusedAtRegistrationInDiscoveryAndAtScanTime(String address) {
		assertThatExceptionOfType(InvalidEndpointException.class).isThrownBy(() -> register(address))
			.satisfies((ex) -> assertThat(ex.getViolations()).singleElement().satisfies((violation) -> {
				assertThat(violation.field()).isEqualTo("host");
				assertThat(violation.message()).contains("that carries 169.254.169.254");
			}));
		assertThatExceptionOfType(InvalidDiscoveryTargetException.class)
			.isThrownBy(() -> this.discovery.discover(address))
			.withMessageContaining("that carries 169.254.169.254");

		String name = "embedded-" + Integer.toHexString(address.hashCode()) + TestResolver.SUFFIX;
		TestResolver.registerDenied(name, address);
		assertThatExceptionOfType(InvalidDiscoveryTargetException.class).isThrownBy(() -> this.discovery.discover(name))
			.withMessageContaining("that carries 169.254.169.254");
		EndpointDetails endpoint = register(name);
		ScanDetails scan = this.scans.scanNow(endpoint.id());
		assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.DENIED);
		assertThat(scan.results()).singleElement().satisfies((result) -> {
			assertThat(result.outcome()).isEqualTo(HandshakeOutcome.DENIED);
			assertThat(result.connections()).isZero();
			assertThat(result.error()).contains("that carries 169.254.169.254");
		});
	}

	private EndpointDetails register(String host) {
		return this.endpoints.register(new EndpointDraft(host, 443, TlsMode.IMPLICIT, null, 60, List.of(), false));
	}

}

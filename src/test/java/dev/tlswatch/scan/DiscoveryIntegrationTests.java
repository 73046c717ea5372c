package dev.tlswatch.scan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.StartTlsTestServer;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestResolver;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Discovery of in-process servers on 127.0.0.1 under a test name: one implicit TLS, one
 * plain TCP that answers garbage, one closed port.
 */
@IntegrationTest
class DiscoveryIntegrationTests {

	@Autowired
	private PortDiscovery discovery;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private MockMvc mvc;

	@Test
	void listsWhichPortsAreClosedOpenOrSpeakTls() {
		Issued leaf = TestCertificates.leaf("discovered.tlswatch.test")
			.dnsNames("discovered.tlswatch.test")
			.issuedBy(TestTrustBundle.ca());
		TestResolver.register("discovered.tlswatch.test", "127.0.0.1");
		int closed = TestTcpServer.refusedPort();
		try (TestTlsServer tls = TestTlsServer.start(leaf); TestTcpServer plain = TestTcpServer.garbage()) {
			DiscoveryReport report = this.discovery.discover(" Discovered.tlswatch.test ",
					List.of(tls.port(), plain.port(), closed));

			assertThat(report.host()).isEqualTo("discovered.tlswatch.test");
			assertThat(report.addresses()).containsExactly("127.0.0.1");
			assertThat(report.ports()).extracting(DiscoveredPort::port, DiscoveredPort::state)
				.containsExactly(tuple(tls.port(), PortState.TLS), tuple(plain.port(), PortState.OPEN_NO_TLS),
						tuple(closed, PortState.CLOSED));
			assertThat(report.tlsPorts()).singleElement().satisfies((port) -> {
				assertThat(port.mode()).isEqualTo(TlsMode.IMPLICIT);
				assertThat(port.protocol()).isEqualTo("TLSv1.3");
				assertThat(port.leafSubject()).isEqualTo("CN=discovered.tlswatch.test");
				assertThat(port.leafNotAfter()).isEqualTo(leaf.certificate().getNotAfter().toInstant());
				assertThat(port.registeredEndpointId()).isNull();
				assertThat(port.registrable()).isTrue();
			});
			assertThat(report.ports().get(1).detail()).isNotBlank();
			assertThat(report.ports().get(2).detail()).containsIgnoringCase("refused");
		}
	}

	@Test
	void marksPortsThatAreRegisteredAlready() {
		TestResolver.register("registered-discovery.tlswatch.test", "127.0.0.1");
		try (TestTlsServer tls = TestTlsServer.start(TestCertificates.localhost(TestTrustBundle.ca()))) {
			EndpointDetails endpoint = this.endpoints.register(new EndpointDraft("registered-discovery.tlswatch.test",
					tls.port(), TlsMode.AUTO, null, null, List.of(), false));

			DiscoveryReport report = this.discovery.discover("registered-discovery.tlswatch.test", List.of(tls.port()));

			assertThat(report.ports()).singleElement().satisfies((port) -> {
				assertThat(port.state()).isEqualTo(PortState.TLS);
				assertThat(port.registeredEndpointId()).isEqualTo(endpoint.id());
				assertThat(port.registrable()).isFalse();
			});
		}
	}

	@Test
	void aDiscoveredPortIsRegisteredThroughTheEndpointFormAndOpensItsPage() throws Exception {
		TestResolver.register("form-discovery.tlswatch.test", "127.0.0.1");
		try (TestTlsServer tls = TestTlsServer.start(TestCertificates.localhost(TestTrustBundle.ca()))) {
			DiscoveredPort port = this.discovery.discover("form-discovery.tlswatch.test", List.of(tls.port()))
				.tlsPorts()
				.get(0);

			String location = this.mvc
				.perform(post("/endpoints/new").param("host", "form-discovery.tlswatch.test")
					.param("port", Integer.toString(port.port()))
					.param("tlsMode", port.mode().name())
					.with(csrf()))
				.andExpect(status().isFound())
				.andReturn()
				.getResponse()
				.getRedirectedUrl();

			assertThat(location).matches("/endpoints/\\d+");
			EndpointDetails endpoint = this.endpoints.get(Long.parseLong(location.substring("/endpoints/".length())));
			assertThat(endpoint.host()).isEqualTo("form-discovery.tlswatch.test");
			assertThat(endpoint.port()).isEqualTo(tls.port());
			assertThat(endpoint.tlsMode()).isEqualTo(TlsMode.IMPLICIT);
			assertThat(this.discovery.discover("form-discovery.tlswatch.test", List.of(tls.port())).ports())
				.singleElement()
				.extracting(DiscoveredPort::registeredEndpointId)
				.isEqualTo(endpoint.id());
		}
	}

	@Test
	void speaksStartTlsWhereThePortCallsForIt() {
		TestResolver.register("smtp-discovery.tlswatch.test", "127.0.0.1");
		try (StartTlsTestServer smtp = StartTlsTestServer.smtp(TestCertificates.localhost(TestTrustBundle.ca()))) {
			DiscoveryReport report = this.discovery.discover("smtp-discovery.tlswatch.test",
					Map.of(smtp.port(), TlsMode.STARTTLS_SMTP));

			assertThat(smtp.received()).containsExactly("EHLO tlswatch.invalid", "STARTTLS");
			assertThat(report.ports()).singleElement().satisfies((port) -> {
				assertThat(port.state()).isEqualTo(PortState.TLS);
				assertThat(port.mode()).isEqualTo(TlsMode.STARTTLS_SMTP);
				assertThat(port.protocol()).isEqualTo("TLSv1.3");
				assertThat(port.leafSubject()).isEqualTo("CN=localhost");
			});
		}
	}

	@Test
	void oneDiscoveryOfAHostRunsAtATime() throws Exception {
		TestResolver.register("busy-discovery.tlswatch.test", "127.0.0.1");
		try (TestTcpServer hanging = TestTcpServer.hanging();
				ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<DiscoveryReport> first = executor
				.submit(() -> this.discovery.discover("busy-discovery.tlswatch.test", List.of(hanging.port())));
			Eventually.await(Duration.ofSeconds(10), "the first discovery to connect",
					() -> hanging.acceptedConnections() == 1);

			assertThatExceptionOfType(ScanRateLimitedException.class)
				.isThrownBy(() -> this.discovery.discover("Busy-Discovery.tlswatch.test", List.of(hanging.port())))
				.withMessageContaining("is being discovered already");
			assertThat(first.get().ports()).singleElement()
				.extracting(DiscoveredPort::state)
				.isEqualTo(PortState.OPEN_NO_TLS);
			assertThat(this.discovery.discover("busy-discovery.tlswatch.test", List.of(TestTcpServer.refusedPort()))
				.ports()).singleElement().extracting(DiscoveredPort::state).isEqualTo(PortState.CLOSED);
		}
	}

	@Test
	void refusesANameThatResolvesToADeniedAddressWithoutContactingIt() {
		TestResolver.registerDenied("metadata-discovery.tlswatch.test", "127.0.0.1", "169.254.169.254");

		assertThatExceptionOfType(InvalidDiscoveryTargetException.class)
			.isThrownBy(() -> this.discovery.discover("metadata-discovery.tlswatch.test"))
			.withMessageContaining("169.254.169.254")
			.withMessageContaining("nothing was contacted");
	}

	@Test
	void refusesADeniedLiteralAnInvalidHostAndAnUnknownName() {
		assertThatExceptionOfType(InvalidDiscoveryTargetException.class)
			.isThrownBy(() -> this.discovery.discover("169.254.169.254"))
			.withMessageContaining("169.254.169.254");
		assertThatExceptionOfType(InvalidDiscoveryTargetException.class)
			.isThrownBy(() -> this.discovery.discover("not a host"));
		assertThatExceptionOfType(InvalidDiscoveryTargetException.class)
			.isThrownBy(() -> this.discovery.discover("unknown.tlswatch.test"))
			.withMessage("does not resolve (no such name)");
		assertThatExceptionOfType(InvalidDiscoveryTargetException.class).isThrownBy(() -> this.discovery.discover(" "))
			.withMessage("must not be empty");
	}

	@Test
	void theWellKnownPortsIncludeImplicitAndStartTlsPorts() {
		assertThat(Discovery.PORTS).hasSize(22).doesNotHaveDuplicates().contains(443, 8443, 25, 5432);
		assertThat(Discovery.PORTS.stream().map(TlsMode.AUTO::effectiveFor).distinct()).hasSize(8);
	}

}

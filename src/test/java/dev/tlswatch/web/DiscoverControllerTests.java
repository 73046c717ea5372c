package dev.tlswatch.web;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.scan.DiscoveredPort;
import dev.tlswatch.scan.Discovery;
import dev.tlswatch.scan.DiscoveryReport;
import dev.tlswatch.scan.InvalidDiscoveryTargetException;
import dev.tlswatch.scan.PortState;
import dev.tlswatch.scan.ScanRateLimitedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.ArgumentMatchers.anyString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(DiscoverController.class)
@WithMockUser(username = "admin", roles = { "VIEWER", "OPERATOR" })
class DiscoverControllerTests {

	private static final Instant NOT_AFTER = Instant.parse("2027-02-25T09:04:00Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Discovery discovery;

	@BeforeEach
	void wellKnownPorts() {
		given(this.discovery.ports()).willReturn(Discovery.PORTS);
	}

	@Test
	void formListsThePortsAndIsLinkedFromTheNavigation() throws Exception {
		String html = this.mvc.perform(get("/discover"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).containsPattern("href=\"/discover\"\\s+aria-current=\"page\"");
		assertThat(html).contains("443, 465, 993", "5222, 5432", "action=\"/discover\"");
		then(this.discovery).should(never()).discover(anyString());
	}

	@Test
	void resultsAreEscapedAndEachUnregisteredTlsPortHasARegisterForm() throws Exception {
		given(this.discovery.discover("mail.example.com"))
			.willReturn(new DiscoveryReport("mail.example.com", List.of("192.0.2.10"),
					List.of(new DiscoveredPort("192.0.2.10", 443, PortState.TLS, TlsMode.IMPLICIT, "TLSv1.3",
							"CN=\\<script\\>alert(1)\\</script\\>", NOT_AFTER, null, null),
							new DiscoveredPort("192.0.2.10", 587, PortState.TLS, TlsMode.STARTTLS_SMTP, "TLSv1.2",
									"CN=mail.example.com", NOT_AFTER, null, 42L),
							new DiscoveredPort("192.0.2.10", 993, PortState.OPEN_NO_TLS, TlsMode.IMPLICIT, null, null,
									null, "Unexpected <b>reply</b>", null),
							new DiscoveredPort("192.0.2.10", 995, PortState.CLOSED, TlsMode.IMPLICIT, null, null, null,
									"Connection refused", null)),
					NOT_AFTER, NOT_AFTER));

		String html = this.mvc.perform(post("/discover").param("host", "mail.example.com").with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html)
			.contains("CN=\\&lt;script\\&gt;alert(1)\\&lt;/script\\&gt;", "Unexpected &lt;b&gt;reply&lt;/b&gt;")
			.doesNotContain("<script\\>", "<b>reply");
		assertThat(html).contains("2 ports speak TLS", "Open, no TLS", "1 port closed", "STARTTLS SMTP",
				"datetime=\"2027-02-25T09:04:00Z\"");
		// One register form: 443; 587 is registered already and links to its endpoint.
		assertThat(html.split("action=\"/endpoints/new\"")).hasSize(2);
		assertThat(html).containsPattern("name=\"host\" value=\"mail.example.com\"")
			.containsPattern("name=\"port\" value=\"443\"")
			.containsPattern("name=\"tlsMode\" value=\"IMPLICIT\"")
			.contains("href=\"/endpoints/42\"");
	}

	@Test
	void aDeniedHostIsShownAgainWithTheReasonAnd422() throws Exception {
		given(this.discovery.discover("169.254.169.254")).willThrow(new InvalidDiscoveryTargetException(
				"<169.254.169.254> is a cloud metadata service address; nothing was contacted"));

		String html = this.mvc.perform(post("/discover").param("host", "169.254.169.254").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("Host &lt;169.254.169.254&gt; is a cloud metadata service address",
				"value=\"169.254.169.254\"", "aria-invalid=\"true\"");
		assertThat(html).doesNotContain("id=\"discovered\"");
	}

	@Test
	void aRateLimitedDiscoveryIsRefusedWith429() throws Exception {
		given(this.discovery.discover("example.com")).willThrow(
				new ScanRateLimitedException("Host example.com may be discovered once every 30 s; nothing was scanned.",
						java.time.Duration.ofSeconds(12)));

		String html = this.mvc.perform(post("/discover").param("host", "example.com").with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("Not discovered: Host example.com may be discovered once every 30 s", "12 s.");
	}

}

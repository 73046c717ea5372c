package dev.tlswatch.web;

import dev.tlswatch.finding.Findings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.tlswatch.alert.AlertDefaults;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.endpoint.CertificateSummary;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.notify.ChannelConflictException;
import dev.tlswatch.notify.ChannelDefinition;
import dev.tlswatch.notify.ChannelInput;
import dev.tlswatch.notify.ChannelTestResult;
import dev.tlswatch.notify.ChannelType;
import dev.tlswatch.notify.DeliveryStatus;
import dev.tlswatch.notify.InvalidChannelException;
import dev.tlswatch.notify.MessageSeverity;
import dev.tlswatch.notify.NotificationChannels;
import dev.tlswatch.notify.InvalidAddressException;
import dev.tlswatch.notify.Notifier;
import dev.tlswatch.notify.TestMailResult;
import dev.tlswatch.scan.ScanDefaults;
import dev.tlswatch.scan.ScanDefaults.GlobalTrustBundle;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.retention.Retention;
import dev.tlswatch.retention.RetentionReport;
import dev.tlswatch.retention.RetentionSettings;
import dev.tlswatch.retention.RetentionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.ArgumentMatchers.anyString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SettingsController.class)
@WithMockUser(username = "admin", roles = { "VIEWER", "OPERATOR", "ADMIN" })
class SettingsControllerTests {

	@Autowired
	private MockMvc mvc;

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	@MockitoBean
	private Notifier notifier;

	@MockitoBean
	private Endpoints endpoints;

	@MockitoBean
	private Alerts alerts;

	@MockitoBean
	private Scans scans;

	@MockitoBean
	private NotificationChannels channels;

	@MockitoBean
	private Retention retention;

	@MockitoBean
	private Findings findings;

	@BeforeEach
	void defaults() {
		given(this.findings.defaultExpiryPolicy()).willReturn(WebFixtures.POLICY);
		given(this.endpoints.defaultScanIntervalMinutes()).willReturn(60);
		given(this.alerts.defaults()).willReturn(new AlertDefaults(List.of("30", "14", "33%"), List.of()));
		given(this.scans.defaults()).willReturn(scanDefaults(new GlobalTrustBundle(null, List.of(), null)));
		given(this.retention.status()).willReturn(new RetentionStatus(new RetentionSettings(true, Duration.ofDays(90),
				Duration.ofDays(30), Duration.ofDays(365), Duration.ofHours(6), 500), 1_572_864_000L, null));
	}

	@Test
	void retentionSettingsAndTheDatabaseSizeAreShown() throws Exception {
		given(this.notifier.status()).willReturn(mailOnly());
		given(this.retention.status()).willReturn(new RetentionStatus(
				new RetentionSettings(true, Duration.ofDays(120), Duration.ofDays(30), Duration.ofDays(365),
						Duration.ofHours(6), 500),
				1_572_864_000L, new RetentionReport(NOW.minusSeconds(60), NOW, 1200, 7, 40, 3)));

		String html = page("/settings");

		assertThat(html).contains("id=\"database-size\">1500 MB<", ">120 days<", "tlswatch.retention.scans-in-full",
				"TLSWATCH_RETENTION_SCANSINFULL", ">30 days<", "tlswatch.retention.delivered-outbox", ">365 days<",
				"tlswatch.retention.audit", ">6h<", "tlswatch.retention.interval",
				"1200 scans, 7 certificates, 40 delivered messages and 3 audit events deleted");
	}

	@Test
	void defaultsAreShownWithTheKeysThatSetThem() throws Exception {
		given(this.notifier.status()).willReturn(mailOnly());
		given(this.alerts.defaults())
			.willReturn(new AlertDefaults(List.of("30", "14", "33%"), List.of("CERT_CHANGED", "GRADE_DROPPED")));

		String html = page("/settings");

		assertThat(html).contains(">60 minutes<", "tlswatch.endpoint.default-scan-interval-minutes",
				"TLSWATCH_ENDPOINT_DEFAULTSCANINTERVALMINUTES", ">30, 14, 33%<", "tlswatch.finding.expiry.thresholds",
				">CERT_CHANGED, GRADE_DROPPED<", "tlswatch.alert.disabled-rules", ">5s<",
				"tlswatch.scan.connect-timeout", ">1500ms<", "tlswatch.scan.handshake-timeout", ">2m<",
				"tlswatch.scan.connections-per-address", ">4<");
		assertThat(html).contains("id=\"trust-bundle-none\"", "None – only the JDK trust store",
				"tlswatch.scan.trust-bundle");
	}

	@Test
	void globalTrustBundleListsItsAnchorsEscaped() throws Exception {
		given(this.notifier.status()).willReturn(mailOnly());
		given(this.scans.defaults()).willReturn(scanDefaults(new GlobalTrustBundle(Path.of("/etc/tlswatch/<ca>.pem"),
				List.of(new CertificateSummary("CN=<script>alert(1)</script>,O=Example", "CN=Issuer",
						NOW.plus(Duration.ofDays(12)).plusSeconds(60), "ab".repeat(32))),
				null)));

		String html = page("/settings");

		assertThat(html).contains("id=\"trust-bundle-path\">/etc/tlswatch/&lt;ca&gt;.pem<",
				"CN=&lt;script&gt;alert(1)&lt;/script&gt;,O=Example", "ab".repeat(32), "12 days left",
				"datetime=\"2026-12-09T10:01:00Z\"");
		assertThat(html).doesNotContain("<script>alert(1)</script>", "trust-bundle-none", "trust-bundle-problem");
	}

	@Test
	void unreadableTrustBundleSaysWhy() throws Exception {
		given(this.notifier.status()).willReturn(mailOnly());
		given(this.scans.defaults()).willReturn(scanDefaults(
				new GlobalTrustBundle(Path.of("/missing.pem"), List.of(), "The file does not exist <b>.")));

		String html = page("/settings");

		assertThat(html).contains("id=\"trust-bundle-problem\">The file does not exist &lt;b&gt;.<");
	}

	private static ScanDefaults scanDefaults(GlobalTrustBundle bundle) {
		return new ScanDefaults(Duration.ofSeconds(5), Duration.ofMillis(1500), Duration.ofMinutes(2), 16, 4, bundle);
	}

	@Test
	void pageShowsMailWebhookAndOutboxStateEscaped() throws Exception {
		given(this.notifier.status()).willReturn(new DeliveryStatus(true, "tlswatch@example.com",
				List.of("ops@example.com", "sec@example.com"), true, 3, 2, "Mail not sent: <script>alert(1)</script>",
				Instant.parse("2026-11-27T09:04:00Z"), "https://hooks.example.com", 41));

		String html = page("/settings");

		assertThat(html).containsPattern("href=\"/settings\"\\s+aria-current=\"page\"");
		assertThat(html).contains(">tlswatch@example.com<", ">ops@example.com<", ">sec@example.com<",
				">https://hooks.example.com<", "id=\"outbox-pending\">3<", "id=\"outbox-failing\">2<", ">41<",
				"Mail not sent: &lt;script&gt;alert(1)&lt;/script&gt;", "datetime=\"2026-11-27T09:04:00Z\"");
		assertThat(html).doesNotContain("<script>alert(1)</script>");
		assertThat(html.split("badge badge--ok")).hasSize(3);
	}

	@Test
	void pageSaysWhenMailAndWebhookAreOff() throws Exception {
		given(this.notifier.status())
			.willReturn(new DeliveryStatus(false, null, List.of(), false, 0, 0, null, null, null, 0));

		String html = page("/settings");

		assertThat(html).contains("Mail is off", "The webhook is off", "tlswatch.notify.mail.to", ">None<");
		assertThat(html).containsPattern("<button type=\"submit\" class=\"button\" disabled");
	}

	@Test
	void testMailIsSentAndItsResultShownAfterRedirect() throws Exception {
		given(this.notifier.sendTestMail("me@example.com"))
			.willReturn(new TestMailResult(true, List.of("me@example.com"), null));

		MvcResult result = this.mvc.perform(post("/settings/test-mail").param("to", "me@example.com").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/settings"))
			.andExpect(flash().attribute("testMailNotice",
					new SettingsController.TestMailNotice(true, List.of("me@example.com"), null)))
			.andReturn();
		given(this.notifier.status()).willReturn(mailOnly());
		String html = this.mvc.perform(get("/settings").flashAttrs(result.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("notice notice--ok", "Test mail sent to", ">me@example.com<");
	}

	@Test
	void failedTestMailShowsTheErrorEscaped() throws Exception {
		given(this.notifier.sendTestMail(""))
			.willReturn(new TestMailResult(false, List.of("ops@example.com"), "Refused <b>550</b>"));

		MvcResult result = this.mvc.perform(post("/settings/test-mail").with(csrf()))
			.andExpect(status().isFound())
			.andReturn();
		given(this.notifier.status()).willReturn(mailOnly());
		String html = this.mvc.perform(get("/settings").flashAttrs(result.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("notice notice--critical", "Test mail not sent:", "Refused &lt;b&gt;550&lt;/b&gt;");
	}

	@Test
	void invalidAddressIs422WithTheValueKeptAndEscaped() throws Exception {
		willThrow(new InvalidAddressException("to")).given(this.notifier).sendTestMail(anyString());
		given(this.notifier.status()).willReturn(mailOnly());

		String html = this.mvc.perform(post("/settings/test-mail").param("to", "\"><script>x</script>").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("id=\"test-mail-error\"", "aria-invalid=\"true\"",
				"value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"");
		assertThat(html).doesNotContain("<script>x</script>");
	}

	@Test
	void pageNeverSendsMailByItself() throws Exception {
		given(this.notifier.status()).willReturn(mailOnly());

		page("/settings");

		then(this.notifier).should(never()).sendTestMail(anyString());
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static DeliveryStatus mailOnly() {
		return new DeliveryStatus(true, "tlswatch@example.com", List.of("ops@example.com"), false, 0, 0, null, null,
				null, 0);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	@Test
	void channelsAreListedEscapedWithoutSecretOrUrlPathAndWithTheirActions() throws Exception {
		given(this.notifier.status()).willReturn(mailOnly());
		given(this.channels.channels()).willReturn(List.of(
				new ChannelDefinition("pager", ChannelType.PAGERDUTY, null, "ROUTING-SECRET", MessageSeverity.CRITICAL,
						List.of("mail"), List.of(), null, ChannelDefinition.Origin.CONFIGURATION),
				new ChannelDefinition("team", ChannelType.SLACK,
						java.net.URI.create("https://hooks.slack.com/services/T0/B1/PATH-SECRET"), null,
						MessageSeverity.INFO, List.of("web"), List.of(), null, ChannelDefinition.Origin.DASHBOARD)));

		String html = page("/settings");

		assertThat(html).contains("id=\"channel-pager\"", ">PAGERDUTY<", ">https://events.pagerduty.com<",
				"(secret set)", ">CRITICAL<", ">mail<", "tlswatch.notify.channels.pager.*", "id=\"channel-team\"",
				">https://hooks.slack.com<", "action=\"/settings/channels/pager/test\"",
				"action=\"/settings/channels/team/test\"", "action=\"/settings/channels/team/delete\"",
				"href=\"/settings/channels/team/edit\"", "id=\"channel-form\"");
		assertThat(html).doesNotContain("ROUTING-SECRET", "PATH-SECRET", "/settings/channels/pager/delete");
	}

	@Test
	@WithMockUser(username = "viewer", roles = "VIEWER")
	void viewersSeeChannelsButNoFormsOrButtons() throws Exception {
		given(this.notifier.status()).willReturn(mailOnly());
		given(this.channels.channels()).willReturn(List.of(new ChannelDefinition("team", ChannelType.DISCORD,
				java.net.URI.create("https://discord.example/api/webhooks/1/x"), null, MessageSeverity.INFO, List.of(),
				List.of(), null, ChannelDefinition.Origin.DASHBOARD)));

		String html = page("/settings");

		assertThat(html).contains("id=\"channel-team\"").doesNotContain("/settings/channels/team/test", "channel-form");
		this.mvc.perform(get("/settings/channels/team/edit")).andExpect(status().isForbidden());
	}

	@Test
	void invalidChannelIs422NamingTheFieldWithValuesKeptButNotTheSecret() throws Exception {
		given(this.notifier.status()).willReturn(mailOnly());
		willThrow(new InvalidChannelException("url", "The URL is refused by the scan target policy: <metadata>"))
			.given(this.channels)
			.save(org.mockito.ArgumentMatchers.any());

		String html = this.mvc
			.perform(post("/settings/channels").param("name", "meta")
				.param("type", "WEBHOOK")
				.param("url", "http://169.254.169.254/\"><script>x</script>")
				.param("secret", "TYPED-SECRET")
				.param("minSeverity", "INFO")
				.param("tags", "")
				.param("to", "")
				.param("chatId", "")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("id=\"channel-error\"",
				"url: The URL is refused by the scan target policy: &lt;metadata&gt;", "value=\"meta\"",
				"&lt;script&gt;x&lt;/script&gt;");
		assertThat(html).doesNotContain("TYPED-SECRET", "<script>x</script>");
	}

	@Test
	void configuredNameIs409() throws Exception {
		given(this.notifier.status()).willReturn(mailOnly());
		willThrow(new ChannelConflictException("mail")).given(this.channels).save(org.mockito.ArgumentMatchers.any());

		this.mvc
			.perform(post("/settings/channels").param("name", "mail")
				.param("type", "SLACK")
				.param("url", "https://hooks.slack.com/x")
				.param("secret", "")
				.param("minSeverity", "INFO")
				.param("tags", "")
				.param("to", "")
				.param("chatId", "")
				.with(csrf()))
			.andExpect(status().isConflict());
	}

	@Test
	void savedChannelRedirectsWithANotice() throws Exception {
		given(this.channels
			.save(new ChannelInput("team", "SLACK", "https://hooks.slack.com/x", "", "WARNING", "web", "", "")))
			.willReturn(new ChannelDefinition("team", ChannelType.SLACK,
					java.net.URI.create("https://hooks.slack.com/x"), null, MessageSeverity.WARNING, List.of("web"),
					List.of(), null, ChannelDefinition.Origin.DASHBOARD));

		this.mvc
			.perform(post("/settings/channels").param("name", "team")
				.param("type", "SLACK")
				.param("url", "https://hooks.slack.com/x")
				.param("secret", "")
				.param("minSeverity", "WARNING")
				.param("tags", "web")
				.param("to", "")
				.param("chatId", "")
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/settings#channels"))
			.andExpect(flash().attribute("channelNotice",
					new SettingsController.ChannelNotice(true, "Channel 'team' saved.")));
	}

	@Test
	void sendTestShowsTheResultAfterRedirect() throws Exception {
		given(this.channels.sendTest("team"))
			.willReturn(new ChannelTestResult("team", false, "SLACK channel 'team' answered HTTP <404>"));

		MvcResult result = this.mvc.perform(post("/settings/channels/team/test").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/settings#channels"))
			.andReturn();
		given(this.notifier.status()).willReturn(mailOnly());
		String html = this.mvc.perform(get("/settings").flashAttrs(result.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("notice notice--critical",
				"Test message through &#39;team&#39; not sent: SLACK channel &#39;team&#39; answered HTTP &lt;404&gt;");
	}

}

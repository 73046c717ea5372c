package dev.tlswatch.web;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.notify.DeliveryStatus;
import dev.tlswatch.notify.InvalidAddressException;
import dev.tlswatch.notify.Notifier;
import dev.tlswatch.notify.TestMailResult;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
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

	@MockitoBean
	private Notifier notifier;

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

}

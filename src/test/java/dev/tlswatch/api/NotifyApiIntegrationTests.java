package dev.tlswatch.api;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tlswatch.support.TestSmtp;

/**
 * {@code /api/v1/notify}: delivery status and the test mail, against GreenMail on the
 * test profile's SMTP port.
 */
@ApiIntegrationTest
class NotifyApiIntegrationTests {

	private final GreenMail smtp = new GreenMail(TestSmtp.setup());

	@Autowired
	private MockMvc mvc;

	@BeforeEach
	void startSmtp() {
		this.smtp.start();
	}

	@AfterEach
	void stopSmtp() {
		this.smtp.stop();
	}

	@Test
	void statusShowsMailAndWebhookConfigurationAndOutboxCounts() throws Exception {
		this.mvc.perform(get("/api/v1/notify/status"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mail.enabled").value(true))
			.andExpect(jsonPath("$.mail.from").value("tlswatch@tlswatch.test"))
			.andExpect(jsonPath("$.mail.recipients", contains("ops@tlswatch.test")))
			.andExpect(jsonPath("$.webhook.enabled").value(false))
			.andExpect(jsonPath("$.outbox.pending").value(greaterThanOrEqualTo(0)))
			.andExpect(jsonPath("$.outbox.failing").value(greaterThanOrEqualTo(0)))
			.andExpect(jsonPath("$.outbox.sent").value(greaterThanOrEqualTo(0)));
	}

	@Test
	void testMailGoesToTheGivenAddress() throws Exception {
		this.mvc.perform(post("/api/v1/notify/test-mail").contentType(MediaType.APPLICATION_JSON).content("""
				{"to": "api-test@tlswatch.test"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sent").value(true))
			.andExpect(jsonPath("$.recipients", contains("api-test@tlswatch.test")))
			.andExpect(jsonPath("$.error").doesNotExist());

		MimeMessage[] received = this.smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("TLSWatch test mail");
		assertThat(received[0].getAllRecipients()).extracting(Object::toString)
			.containsExactly("api-test@tlswatch.test");
	}

	@Test
	void testMailWithoutBodyGoesToTheGlobalRecipients() throws Exception {
		this.mvc.perform(post("/api/v1/notify/test-mail"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sent").value(true))
			.andExpect(jsonPath("$.recipients", contains("ops@tlswatch.test")));

		assertThat(this.smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void testMailToAnInvalidAddressIs422NamingTheField() throws Exception {
		this.mvc.perform(post("/api/v1/notify/test-mail").contentType(MediaType.APPLICATION_JSON).content("""
				{"to": "ops@example.com, boss@example.com"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/invalid-mail-address"))
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.instance").value("/api/v1/notify/test-mail"));

		assertThat(this.smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void testMailWithUnknownPropertyIs400() throws Exception {
		this.mvc.perform(post("/api/v1/notify/test-mail").contentType(MediaType.APPLICATION_JSON).content("""
				{"recipient": "ops@example.com"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("recipient"));

		assertThat(this.smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void testMailWhileSmtpIsDownSaysWhy() throws Exception {
		this.smtp.stop();

		this.mvc.perform(post("/api/v1/notify/test-mail"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sent").value(false))
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("Mail not sent")));
	}

}

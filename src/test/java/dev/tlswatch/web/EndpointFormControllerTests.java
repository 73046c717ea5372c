package dev.tlswatch.web;

import java.util.List;
import java.util.Optional;

import dev.tlswatch.alert.Alerts;
import dev.tlswatch.alert.EndpointAlertSettings;
import dev.tlswatch.endpoint.DuplicateEndpointException;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.EndpointNotFoundException;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.InvalidEndpointException;
import dev.tlswatch.endpoint.InvalidEndpointException.FieldViolation;
import dev.tlswatch.endpoint.TlsMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static dev.tlswatch.web.WebFixtures.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(EndpointFormController.class)
@WithMockUser(username = "operator", roles = { "VIEWER", "OPERATOR" })
class EndpointFormControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Endpoints endpoints;

	@MockitoBean
	private Alerts alerts;

	@BeforeEach
	void noAlertSettings() {
		given(this.alerts.endpointSettings(anyLong())).willReturn(EndpointAlertSettings.NONE);
	}

	@Test
	void newFormPreselectsAutoAndPort443() throws Exception {
		String html = this.mvc.perform(get("/endpoints/new"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("<option value=\"AUTO\" selected=\"selected\">Auto (from the port)</option>",
				"<option value=\"STARTTLS_SMTP\">STARTTLS SMTP</option>", "name=\"port\"", "value=\"443\"",
				"<summary>Advanced options</summary>", "action=\"/endpoints/new\"");
		assertThat(html).doesNotContain("field__error");
	}

	@Test
	void portThatIsNotANumberIsShownNextToTheFieldAndNothingIsStored() throws Exception {
		String html = this.mvc
			.perform(post("/endpoints/new").param("host", "mail.example.com")
				.param("port", "99999x")
				.param("tlsMode", "AUTO")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("id=\"port-error\">Port must be a number from 1 to 65535<",
				"value=\"mail.example.com\"", "value=\"99999x\"", "aria-invalid=\"true\"", "Nothing was saved");
		then(this.endpoints).shouldHaveNoInteractions();
		then(this.alerts).should().checkEndpointSettings(EndpointAlertSettings.NONE);
		then(this.alerts).shouldHaveNoMoreInteractions();
	}

	@Test
	void violationsFromTheEndpointModuleAreShownPerField() throws Exception {
		given(this.endpoints.register(any(), any()))
			.willThrow(new InvalidEndpointException(List.of(new FieldViolation("port", "must be between 1 and 65535"),
					new FieldViolation("tags[1]", "must have at most 64 characters"))));

		String html = this.mvc
			.perform(post("/endpoints/new").param("host", "example.com")
				.param("port", "0")
				.param("tags", "prod, " + "x".repeat(65))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains(">Port must be between 1 and 65535<", ">Tags must have at most 64 characters<",
				"<details class=\"advanced\" open=\"open\">", "2 fields need");
	}

	@Test
	void validFormRegistersTheDraftAndRedirectsToTheEndpoint() throws Exception {
		given(this.endpoints.register(any(), any())).willReturn(endpoint(7, "mail.example.com"));

		this.mvc
			.perform(post("/endpoints/new").param("host", " mail.example.com ")
				.param("port", "465")
				.param("tlsMode", "IMPLICIT")
				.param("sniName", "")
				.param("scanIntervalMinutes", "30")
				.param("tags", "prod, mail  eu")
				.param("enabled", "true")
				.param("_enabled", "on")
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/endpoints/7"))
			.andExpect(flash().attributeExists("formNotice"));

		then(this.endpoints).should()
			.register(eq(new EndpointDraft("mail.example.com", 465, TlsMode.IMPLICIT, null, 30,
					List.of("prod", "mail", "eu"), true)), any());
	}

	@Test
	void uncheckedScheduleBoxDisablesTheEndpoint() throws Exception {
		given(this.endpoints.register(any(), any())).willReturn(endpoint(8, "example.com"));

		this.mvc
			.perform(post("/endpoints/new").param("host", "example.com")
				.param("port", "443")
				.param("_enabled", "on")
				.with(csrf()))
			.andExpect(status().isFound());

		then(this.endpoints).should()
			.register(eq(new EndpointDraft("example.com", 443, TlsMode.AUTO, null, null, List.of(), false)), any());
	}

	@Test
	void duplicateLinksToTheRegisteredEndpoint() throws Exception {
		given(this.endpoints.register(any(), any())).willThrow(new DuplicateEndpointException("example.com:443", 3));

		String html = this.mvc
			.perform(post("/endpoints/new").param("host", "example.com").param("port", "443").with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("is already registered", "href=\"/endpoints/3\"");
	}

	@Test
	void editFormIsFilledWithTheStoredEndpointAndEscapesIt() throws Exception {
		given(this.endpoints.get(5)).willCallRealMethod();
		given(this.endpoints.find(5)).willReturn(Optional.of(endpoint(5, "a<b>.example")));

		String html = this.mvc.perform(get("/endpoints/5/edit"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("value=\"a&lt;b&gt;.example\"", "<option value=\"IMPLICIT\" selected=\"selected\">",
				"value=\"60\"", "value=\"prod\"", "action=\"/endpoints/5/edit\"", "action=\"/endpoints/5/delete\"");
		assertThat(html).doesNotContain("a<b>");
	}

	@Test
	void editSavesAndRedirects() throws Exception {
		given(this.endpoints.get(5)).willReturn(endpoint(5, "example.com"));

		this.mvc.perform(post("/endpoints/5/edit").param("host", "example.com").param("port", "8443").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/endpoints/5"));

		then(this.endpoints).should()
			.update(eq(5L), eq(new EndpointDraft("example.com", 8443, TlsMode.AUTO, null, null, List.of(), true)),
					any());
	}

	@Test
	void editOfAnUnknownEndpointIsNotFound() throws Exception {
		given(this.endpoints.get(anyLong())).willThrow(new EndpointNotFoundException(9));

		this.mvc.perform(get("/endpoints/9/edit")).andExpect(status().isNotFound());
	}

	@Test
	void deleteRemovesTheEndpointAndReturnsToTheList() throws Exception {
		given(this.endpoints.get(5)).willReturn(endpoint(5, "example.com"));

		this.mvc.perform(post("/endpoints/5/delete").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/endpoints"))
			.andExpect(flash().attribute("formNotice", "Endpoint example.com:443 deleted with its scan history."));

		then(this.endpoints).should().delete(5);
	}

}

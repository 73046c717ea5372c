package dev.tlswatch.account;

import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Users through the API and the users page, as the test administrator: created, changed
 * all or nothing, invalid input named, duplicates refused, passwords never shown.
 */
@IntegrationTest
class AccountIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Accounts accounts;

	@Test
	void usersAreCreatedAndChangedAllOrNothingThroughTheApi() throws Exception {
		String name = "api-user-" + System.nanoTime();
		String created = this.mvc
			.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name + "\",\"password\":\"a-long-password\",\"role\":\"OPERATOR\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.role").value("OPERATOR"))
			.andExpect(jsonPath("$.enabled").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(created).doesNotContain("a-long-password", "password");
		long id = this.accounts.find(name).orElseThrow().id();

		this.mvc
			.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name.toUpperCase() + "\",\"password\":\"a-long-password\"}"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(patch("/api/v1/users/" + id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\":\"VIEWER\",\"enabled\":false,\"password\":\"short\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		assertThat(this.accounts.get(id)).satisfies((user) -> {
			assertThat(user.role()).isEqualTo(Role.OPERATOR);
			assertThat(user.enabled()).isTrue();
		});

		this.mvc
			.perform(patch("/api/v1/users/" + id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\":\"VIEWER\",\"enabled\":false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("VIEWER"))
			.andExpect(jsonPath("$.enabled").value(false));
		this.mvc.perform(get("/api/v1/users/999999")).andExpect(status().isNotFound());
	}

	@Test
	void invalidUsernamesAreNamed() throws Exception {
		this.mvc
			.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"<b>x</b>\",\"password\":\"a-long-password\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("username"));
		assertThat(this.accounts.find("<b>x</b>")).isEmpty();
	}

	@Test
	void theUsersPageCreatesUsersAndEscapesNames() throws Exception {
		String name = "page-user-" + System.nanoTime();
		this.mvc
			.perform(post("/users").param("username", name)
				.param("password", "a-long-password")
				.param("role", "VIEWER")
				.with(csrf()))
			.andExpect(redirectedUrl("/users"))
			.andExpect(flash().attribute("notice", "User '" + name + "' created."));
		this.mvc.perform(
				post("/users").param("username", "x").param("password", "short").param("role", "VIEWER").with(csrf()))
			.andExpect(flash().attribute("problem", "The password must be at least 10 characters long."));

		String page = this.mvc.perform(get("/users"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(">" + name + "<", "action=\"/users\"", "name=\"_csrf\"").doesNotContain("{bcrypt}");
	}

}

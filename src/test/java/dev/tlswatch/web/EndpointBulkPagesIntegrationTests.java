package dev.tlswatch.web;

import java.util.List;
import java.util.UUID;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The endpoint list's bulk form on the whole application: the list keeps its filter,
 * sort, page and size across the post/redirect/get, and refusals change nothing.
 */
@IntegrationTest
class EndpointBulkPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Endpoints endpoints;

	@Test
	void theListOffersTheBulkBarWithLabelledCheckboxes() throws Exception {
		String tag = uniqueTag();
		EndpointDetails endpoint = register(tag, 1).get(0);

		String html = this.mvc.perform(get("/endpoints").param("tag", tag))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("id=\"bulk\"", "aria-label=\"Select all endpoints on this page\"",
				"aria-label=\"Select " + endpoint.displayName() + "\"", "name=\"tag\" value=\"" + tag + "\"",
				"value=\"ADD_TAG\"", "value=\"DELETE\"");
	}

	@Test
	void disableRedirectsToTheSameListWithANotice() throws Exception {
		String tag = uniqueTag();
		List<EndpointDetails> two = register(tag, 2);

		this.mvc
			.perform(post("/endpoints/bulk").with(csrf())
				.param("action", "DISABLE")
				.param("ids", Long.toString(two.get(0).id()), Long.toString(two.get(1).id()))
				.param("tag", tag)
				.param("sort", "expiry")
				.param("page", "1")
				.param("size", "20"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/endpoints?tag=" + tag + "&sort=expiry&page=1&size=20"))
			.andExpect(flash().attribute("formNotice", "2 endpoints disabled."));

		assertThat(this.endpoints.get(two.get(0).id()).enabled()).isFalse();
		assertThat(this.endpoints.get(two.get(1).id()).enabled()).isFalse();
	}

	@Test
	void aFractionalIdIsRefusedNotCut() throws Exception {
		String tag = uniqueTag();
		EndpointDetails endpoint = register(tag, 1).get(0);

		this.mvc
			.perform(post("/endpoints/bulk").with(csrf())
				.param("action", "DISABLE")
				.param("ids", endpoint.id() + ".9")
				.param("tag", tag))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/endpoints?tag=" + tag))
			.andExpect(flash().attribute("bulkError", "The selection is invalid: ids must be whole numbers."));

		assertThat(this.endpoints.get(endpoint.id()).enabled()).isTrue();
	}

	@Test
	void deleteWithoutConfirmationShowsTheConfirmationPageAndDeletesNothing() throws Exception {
		String tag = uniqueTag();
		EndpointDetails endpoint = register(tag, 1).get(0);

		String html = this.mvc
			.perform(post("/endpoints/bulk").with(csrf())
				.param("action", "DELETE")
				.param("ids", Long.toString(endpoint.id()))
				.param("tag", tag))
			.andExpect(status().isOk())
			.andExpect(view().name(EndpointBulkController.CONFIRM_DELETE_VIEW))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains(endpoint.displayName(), "name=\"confirm\" value=\"yes\"",
				"href=\"/endpoints?tag=" + tag + "\"");
		assertThat(this.endpoints.find(endpoint.id())).isPresent();
	}

	@Test
	void anUnknownIdChangesNothingAndSaysSo() throws Exception {
		EndpointDetails endpoint = register(uniqueTag(), 1).get(0);

		this.mvc
			.perform(post("/endpoints/bulk").with(csrf())
				.param("action", "DISABLE")
				.param("ids", Long.toString(endpoint.id()), Long.toString(900_000_000L + endpoint.id())))
			.andExpect(redirectedUrl("/endpoints"))
			.andExpect(flash().attribute("bulkError",
					"1 endpoint no longer exists; nothing was changed. Reload the list and try again."));

		assertThat(this.endpoints.get(endpoint.id()).enabled()).isTrue();
	}

	@Test
	void nothingSelectedOrNoTagIsRefused() throws Exception {
		this.mvc.perform(post("/endpoints/bulk").with(csrf()).param("action", "ENABLE"))
			.andExpect(redirectedUrl("/endpoints"))
			.andExpect(flash().attribute("bulkError", "Select at least one endpoint first."));
		EndpointDetails endpoint = register(uniqueTag(), 1).get(0);
		this.mvc
			.perform(post("/endpoints/bulk").with(csrf())
				.param("action", "ADD_TAG")
				.param("ids", Long.toString(endpoint.id()))
				.param("bulkTag", " "))
			.andExpect(flash().attribute("bulkError", "Enter the tag to add."));
	}

	private List<EndpointDetails> register(String tag, int count) {
		return java.util.stream.IntStream.range(0, count)
			.mapToObj((i) -> this.endpoints.register(
					new EndpointDraft(tag + "-" + i + ".example", 443, TlsMode.IMPLICIT, null, 60, List.of(tag), true)))
			.toList();
	}

	private static String uniqueTag() {
		return "bulk-" + UUID.randomUUID().toString().substring(0, 8);
	}

}

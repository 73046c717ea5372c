package dev.tlswatch.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import page on the whole application: upload, preview with per-row errors, and the
 * all-or-nothing confirmation.
 */
@IntegrationTest
class ImportPagesIntegrationTests {

	private static final String HEADER = "host,port,tlsMode,sniName,tags,interval\n";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theEndpointListLinksToImportAndBothExports() throws Exception {
		String html = this.mvc.perform(get("/endpoints"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("href=\"/endpoints/import\"", "href=\"/api/v1/export?format=csv\"",
				"href=\"/api/v1/export?format=json\"");
	}

	@Test
	void previewWithOneBadRowShowsThatRowsErrorOffersNoImportAndStoresNothing() throws Exception {
		String good = uniqueHost();
		String bad = uniqueHost();
		String html = this.mvc
			.perform(multipart("/endpoints/import")
				.file(csv(HEADER + good + ",443,IMPLICIT,,web,\n" + bad + ",443,IMPLICIT,,<b>x</b>,\n"))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("data-row=\"1\" data-valid=\"true\"", "data-row=\"2\" data-valid=\"false\"",
				"Nothing was imported", "tags must be 1 to 64 letters", "&lt;b&gt;x&lt;/b&gt;");
		assertThat(html).doesNotContain("<b>x</b>", "id=\"import-confirm\"");
		assertThat(stored(good)).isZero();
	}

	@Test
	void validPreviewOffersTheImportWhichStoresEveryRow() throws Exception {
		String a = uniqueHost();
		String b = uniqueHost();
		String content = HEADER + a + ",443,IMPLICIT,,web,\n" + b + ",25,AUTO,,mail,15\n";
		String html = this.mvc.perform(multipart("/endpoints/import").file(csv(content)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"import-confirm\"", "Import 2 endpoints", "All 2 rows are valid.");
		assertThat(stored(a)).isZero();

		this.mvc
			.perform(
					multipart("/endpoints/import/confirm").param("content", content.replace("\n", "\r\n")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/endpoints"))
			.andExpect(flash().attribute("formNotice", "Imported 2 endpoints. Their first scans run in a moment."));
		assertThat(stored(a) + stored(b)).isEqualTo(2);
	}

	@Test
	void aConfirmationThatIsNoLongerValidImportsNothing() throws Exception {
		String a = uniqueHost();
		String html = this.mvc
			.perform(multipart("/endpoints/import/confirm")
				.param("content", HEADER + a + ",443,IMPLICIT,,,\n" + a + ",443,IMPLICIT,,,\n")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("host repeats row 1", "Nothing was imported");
		assertThat(stored(a)).isZero();
	}

	@Test
	void anUnreadableFileIsExplained() throws Exception {
		String html = this.mvc.perform(multipart("/endpoints/import").file(csv("a.example,443,AUTO,,,\n")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("id=\"import-problem\"", "The header row must name the columns");
	}

	private static MockMultipartFile csv(String content) {
		return new MockMultipartFile("file", "endpoints.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	private static String uniqueHost() {
		return "import-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
	}

	private int stored(String host) {
		Integer count = this.jdbc.queryForObject("select count(*) from endpoint where host = ?", Integer.class, host);
		return (count != null) ? count : 0;
	}

}

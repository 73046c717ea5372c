package dev.tlswatch.support;

import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.ApiTokens;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every {@code @IntegrationTest}'s MockMvc request is sent as the {@link TestAdmin}, with
 * its API token, unless the request sets its own {@code Authorization} header. Form posts
 * to pages still need a CSRF token ({@code .with(csrf())}): CSRF stays on. Tests of
 * unauthenticated requests build their own MockMvc.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAuthenticationConfiguration {

	@Bean
	TestAdmin testAdmin(Accounts accounts, ApiTokens tokens) {
		return new TestAdmin(accounts, tokens);
	}

	@Bean
	MockMvcBuilderCustomizer signInAsTestAdmin(TestAdmin admin) {
		return (builder) -> builder.defaultRequest(get("/").header(HttpHeaders.AUTHORIZATION, admin.authorization()));
	}

}

package dev.tlswatch.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * The OpenAPI document and Swagger UI: title, version and description; the two ways a
 * script authenticates (an API token as {@code Bearer}, or HTTP Basic), so that Swagger
 * UI's "Authorize" works; and Swagger UI's calls that ride on the dashboard session carry
 * that session's CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	static final String BEARER = "bearer";

	static final String BASIC = "basic";

	static final String DESCRIPTION = """
			Monitor TLS endpoints: register them, scan them, read findings, certificates, alerts and \
			the audit log. Authenticate with an API token (create one on the dashboard's Tokens page, \
			send it as `Authorization: Bearer <token>`) or with HTTP Basic. Calls made from this page \
			while signed in to the dashboard use the session and send its CSRF token. Errors are \
			RFC 9457 problem details.""";

	@Bean
	OpenAPI tlswatchOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null && properties.getVersion() != null) ? properties.getVersion() : "dev";
		return new OpenAPI()
			.info(new Info().title("TLSWatch API")
				.version(version)
				.description(DESCRIPTION)
				.license(new License().name("See the project's LICENSE")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("API token")
							.description("An API token from the dashboard's Tokens page"))
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A TLSWatch user's name and password")))
			// Either scheme is enough: two requirements, not one with both.
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

	/**
	 * Where Swagger UI is served (a servlet application with springdoc's UI on, as
	 * springdoc's own configuration requires): its initializer gets the CSRF interceptor.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnProperty(name = { "springdoc.api-docs.enabled", "springdoc.swagger-ui.enabled" },
			matchIfMissing = true)
	static class SwaggerUiCsrf {

		/**
		 * Swagger UI's initializer with a request interceptor that adds the session's
		 * CSRF token to every same-origin change (see {@link CsrfTokenController}); the
		 * script is the same for every user, so the transformed resource may be cached.
		 */
		@Bean
		SwaggerIndexTransformer csrfAwareSwaggerInitializer(SwaggerUiConfigProperties config,
				SwaggerUiOAuthProperties oauth, SwaggerWelcomeCommon welcome, ObjectMapperProvider mapper) {
			return new CsrfAwareSwaggerInitializer(config, oauth, welcome, mapper);
		}

	}

	static final class CsrfAwareSwaggerInitializer extends SwaggerIndexPageTransformer {

		static final String INTERCEPTOR = """
				// TLSWatch: a change sent with the dashboard session carries the session's CSRF token.
				async function tlswatchCsrf(request) {
				  const method = (request.method || 'GET').toUpperCase();
				  const target = new URL(request.url, document.location.href);
				  if (['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method) || target.origin !== document.location.origin) {
				    return request;
				  }
				  const answer = await fetch(new URL('../api/v1/session/csrf', document.location.href),
				    { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
				  if (answer.ok) {
				    const csrf = await answer.json();
				    request.headers = request.headers || {};
				    request.headers[csrf.headerName] = csrf.token;
				  }
				  return request;
				}
				""";

		static final String BUNDLE_CALL = "SwaggerUIBundle({";

		CsrfAwareSwaggerInitializer(SwaggerUiConfigProperties config, SwaggerUiOAuthProperties oauth,
				SwaggerWelcomeCommon welcome, ObjectMapperProvider mapper) {
			super(config, oauth, welcome, mapper);
		}

		@Override
		public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
				throws IOException {
			Resource transformed = super.transform(request, resource, chain);
			String name = resource.getFilename();
			if (name == null || !name.equals("swagger-initializer.js")) {
				return transformed;
			}
			String script = transformed.getContentAsString(StandardCharsets.UTF_8);
			if (!script.contains(BUNDLE_CALL)) {
				throw new IllegalStateException("Swagger UI's initializer has no '" + BUNDLE_CALL
						+ "': the CSRF interceptor cannot be added (springdoc upgraded?)");
			}
			String withInterceptor = INTERCEPTOR
					+ script.replace(BUNDLE_CALL, BUNDLE_CALL + "\n    requestInterceptor: tlswatchCsrf,");
			return new TransformedResource(resource, withInterceptor.getBytes(StandardCharsets.UTF_8));
		}

	}

}

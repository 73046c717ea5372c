package dev.tlswatch.config;

import java.util.Set;

import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.ApiTokens;
import dev.tlswatch.account.SharedSecrets;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Who may do what. Two filter chains:
 * <ul>
 * <li>the API and actuator ({@code /api/**}, {@code /actuator/**}): API tokens
 * ({@code Bearer}), HTTP Basic or the dashboard's session; {@code 401}/{@code 403}
 * problem details, never a redirect; CSRF checked only for session-authenticated
 * changes;</li>
 * <li>the dashboard (everything else): form login with remember-me, CSRF on every form,
 * redirect to {@code /login}.</li>
 * </ul>
 * The rules go by method and path prefix, so that new pages and API routes fit without
 * edits: reading needs {@code VIEWER}, any change {@code OPERATOR}; users, audit,
 * settings changes, notification settings and the actuator need {@code ADMIN}, except
 * {@code /actuator/prometheus}, which a {@code VIEWER} may scrape. Own tokens are every
 * signed-in user's; whose token it is is checked by the token controllers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	static final String VIEWER = "VIEWER";

	static final String OPERATOR = "OPERATOR";

	static final String ADMIN = "ADMIN";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	static final String REMEMBER_ME_COOKIE = "tlswatch-remember-me";

	/** The database-kept key, when {@code tlswatch.security.remember-me-key} is empty. */
	private static final String REMEMBER_ME_SECRET = "remember-me-key";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationProvider passwords, ApiTokens tokens,
			SecuritySettings settings, Accounts accounts) throws Exception {
		ProblemResponses problems = new ProblemResponses();
		http.securityMatcher("/api/**", "/actuator/**")
			.securityContext((context) -> context.securityContextRepository(new CheckedSessionRepository(accounts)))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.hasRole(VIEWER)
				.requestMatchers("/actuator/**", "/api/v1/users/**", "/api/v1/audit/**", "/api/v1/notify/**",
						"/api/v1/settings/**")
				.hasRole(ADMIN)
				.requestMatchers("/api/v1/tokens/**")
				.hasRole(VIEWER)
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasRole(VIEWER)
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.hasRole(VIEWER)
				.anyRequest()
				.hasRole(OPERATOR))
			.authenticationManager(new ProviderManager(passwords))
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.disable())
			// A script's request carries its credentials; a browser's rides on the
			// session
			// cookie and must prove it comes from our pages.
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::changesWithSessionOnly))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		headers(http, settings);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain dashboardSecurity(HttpSecurity http, AuthenticationProvider passwords, UserDetailsService users,
			ApiTokens tokens, SecuritySettings settings, Accounts accounts, SharedSecrets secrets) throws Exception {
		String rememberMeKey = StringUtils.hasText(settings.rememberMeKey()) ? settings.rememberMeKey()
				: secrets.get(REMEMBER_ME_SECRET);
		AuthenticationManager manager = new ProviderManager(passwords,
				new RememberMeAuthenticationProvider(rememberMeKey));
		http.securityContext((context) -> context.securityContextRepository(new CheckedSessionRepository(accounts)))
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/login", "/error", "/error/**", "/css/**", "/js/**", "/img/**", "/webjars/**",
						"/favicon.ico")
				.permitAll()
				.requestMatchers("/users/**", "/audit/**")
				.hasRole(ADMIN)
				.requestMatchers(HttpMethod.GET, "/settings/**")
				.hasRole(VIEWER)
				.requestMatchers("/settings/**")
				.hasRole(ADMIN)
				.requestMatchers("/tokens/**")
				.hasRole(VIEWER)
				.requestMatchers(HttpMethod.GET, "/**")
				.hasRole(VIEWER)
				.requestMatchers(HttpMethod.HEAD, "/**")
				.hasRole(VIEWER)
				.anyRequest()
				.hasRole(OPERATOR))
			.authenticationManager(manager)
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/endpoints").permitAll())
			.logout((logout) -> logout.logoutSuccessHandler(loggedOut()).deleteCookies("JSESSIONID"))
			.rememberMe((remember) -> remember.rememberMeServices(rememberMe(rememberMeKey, users, accounts, settings)))
			.httpBasic((basic) -> basic.authenticationEntryPoint(new ProblemResponses()))
			.addFilterBefore(new BearerTokenFilter(tokens, new ProblemResponses()), BasicAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new LoginPage()));
		headers(http, settings);
		return http.build();
	}

	/**
	 * Headers of every answer. {@code X-Content-Type-Options: nosniff}, cache control and
	 * HSTS (only on HTTPS requests) are Spring Security's defaults. Swagger UI, a bundle
	 * we do not write, sets inline styles: its pages alone may apply them (still no
	 * inline script).
	 */
	private static void headers(HttpSecurity http, SecuritySettings settings) throws Exception {
		RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
		String strict = settings.contentSecurityPolicy();
		String swaggerPolicy = strict.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
		http.headers((headers) -> headers
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
					new ContentSecurityPolicyHeaderWriter(swaggerPolicy)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
					new ContentSecurityPolicyHeaderWriter(strict)))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frames) -> frames.deny())
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
	}

	/**
	 * Unsafe requests that a session may vouch for. Without a session there is nothing to
	 * forge (the request gets its {@code 401}). A request with Basic or Bearer
	 * credentials is authenticated by them alone, never by its session (see
	 * {@link CheckedSessionRepository}): it must prove who it is itself, so a forged one
	 * has nothing to borrow, and it needs no CSRF token.
	 */
	private static boolean changesWithSessionOnly(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())
				|| (request.getRequestedSessionId() == null && request.getSession(false) == null)) {
			return false;
		}
		return !CheckedSessionRepository.hasCredentials(request);
	}

	/**
	 * Back to the login page, whatever the request accepts (the default may answer 204).
	 */
	private static SimpleUrlLogoutSuccessHandler loggedOut() {
		SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
		handler.setDefaultTargetUrl("/login?logout");
		return handler;
	}

	/**
	 * "Keep me signed in": a signed cookie (see {@link StampedRememberMeServices}) that
	 * the {@link RememberMeAuthenticationProvider} of the dashboard's manager accepts.
	 */
	private static TokenBasedRememberMeServices rememberMe(String key, UserDetailsService users, Accounts accounts,
			SecuritySettings settings) {
		TokenBasedRememberMeServices services = new StampedRememberMeServices(key, users, accounts);
		services.setCookieName(REMEMBER_ME_COOKIE);
		services.setTokenValiditySeconds((int) settings.rememberMeValidity().toSeconds());
		return services;
	}

	/** Session and remember-me cookies: {@code SameSite=Lax}; Secure is set on HTTPS. */
	@Bean
	CookieSameSiteSupplier laxCookies() {
		return CookieSameSiteSupplier.ofLax();
	}

	/**
	 * Browsers go to the login page; htmx requests (whose redirect would be swapped into
	 * the page) get {@code 401} and {@code HX-Redirect}, so the whole page goes there.
	 */
	private static final class LoginPage implements AuthenticationEntryPoint {

		private final AuthenticationEntryPoint redirect = new LoginUrlAuthenticationEntryPoint("/login");

		private final RequestMatcher htmx = (request) -> request.getHeader("HX-Request") != null;

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.core.AuthenticationException authException)
				throws java.io.IOException, jakarta.servlet.ServletException {
			if (this.htmx.matches(request)) {
				response.setHeader("HX-Redirect", request.getContextPath() + "/login");
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
				return;
			}
			this.redirect.commence(request, response, authException);
		}

	}

}

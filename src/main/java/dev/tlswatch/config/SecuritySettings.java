package dev.tlswatch.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web security settings.
 *
 * @param rememberMeKey the secret that signs remember-me cookies; empty means a random
 * one per start (remember-me cookies then end with a restart)
 * @param rememberMeValidity how long "remember me" keeps a browser signed in
 * @param contentSecurityPolicy the {@code Content-Security-Policy} header of every answer
 */
@ConfigurationProperties("tlswatch.security")
record SecuritySettings(@DefaultValue("") String rememberMeKey, @DefaultValue("14d") Duration rememberMeValidity,
		@DefaultValue(DEFAULT_CSP) String contentSecurityPolicy) {

	/** Scripts and styles only from files of our own origin: no inline code, no eval. */
	static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

}

package dev.tlswatch.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder and the one authentication provider for passwords.
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	/**
	 * Hashes carry their algorithm ({@code {bcrypt}...}), so that the default can change
	 * later while old hashes keep working.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationProvider passwordAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder,
			LoginThrottle throttle) {
		return new ThrottledAuthenticationProvider(users, encoder, throttle);
	}

}

package dev.tlswatch.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On a start with no user at all, creates the administrator with the configured password
 * or a generated one, which is logged this once and never again.
 */
@Component
class FirstStartAdmin {

	private static final Logger logger = LoggerFactory.getLogger(FirstStartAdmin.class);

	private static final int GENERATED_PASSWORD_BYTES = 18;

	private final Accounts accounts;

	private final AdminSettings settings;

	private final SecureRandom random = new SecureRandom();

	FirstStartAdmin(Accounts accounts, AdminSettings settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createAdminIfThereIsNoUser() {
		if (this.accounts.count() > 0) {
			return;
		}
		String configured = this.settings.password();
		boolean generated = !StringUtils.hasText(configured);
		String password = generated ? generatePassword() : configured;
		try {
			this.accounts.create(this.settings.username(), password, Role.ADMIN);
		}
		catch (AccountConflictException ex) {
			// Another node created it at the same moment.
			return;
		}
		if (generated) {
			logger.warn(
					"First start: created user '{}' with the generated password {} (shown only this once;"
							+ " sign in and change it, or set TLSWATCH_ADMIN_PASSWORD before the first start)",
					this.settings.username(), password);
		}
		else {
			logger.info("First start: created user '{}' with the password from TLSWATCH_ADMIN_PASSWORD",
					this.settings.username());
		}
	}

	private String generatePassword() {
		byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

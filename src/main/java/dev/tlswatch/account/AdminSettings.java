package dev.tlswatch.account;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator created on first start, when there is no user at all.
 *
 * @param username the administrator's name
 * @param password the password ({@code TLSWATCH_ADMIN_PASSWORD}); without one a random
 * password is generated and logged once
 */
@ConfigurationProperties("tlswatch.admin")
record AdminSettings(@DefaultValue("admin") String username, @Nullable String password) {
}

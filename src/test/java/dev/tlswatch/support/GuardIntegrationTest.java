package dev.tlswatch.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One context for the guard tests: a scan target policy that denies loopback and private
 * networks, "scan now" at most once an hour per endpoint, the actuator's {@code env} and
 * {@code configprops} exposed with values shown, and known secrets in the configuration
 * that must never show. Every class that needs any of this uses exactly this, so they
 * share the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest(properties = { "tlswatch.scan-policy.allow-loopback=false", "tlswatch.scan-policy.allow-private=false",
		"tlswatch.scan-policy.rate-limit.per-endpoint=1h", "tlswatch.scan-policy.rate-limit.per-minute=1000",
		"management.endpoints.web.exposure.include=health,info,env,configprops",
		"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
		"spring.mail.password=" + GuardIntegrationTest.MAIL_PASSWORD,
		"tlswatch.notify.webhook.url=https://hooks.example.test/services/" + GuardIntegrationTest.WEBHOOK_TOKEN,
		"tlswatch.test.api-key=" + GuardIntegrationTest.API_KEY,
		"tlswatch.test.mirror=https://reader:" + GuardIntegrationTest.URL_PASSWORD + "@mirror.example.test/x" })
public @interface GuardIntegrationTest {

	/** A secret of the configuration: never shown. */
	String MAIL_PASSWORD = "mail-password-4711";

	/** A secret of the configuration: never shown. */
	String WEBHOOK_TOKEN = "T0-B0-webhook-token-4711";

	/** A secret of the configuration: never shown. */
	String API_KEY = "api-key-4711";

	/** A secret of the configuration: never shown. */
	String URL_PASSWORD = "url-password-4711";

}

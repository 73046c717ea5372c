package dev.tlswatch.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full application context with MockMvc on a real PostgreSQL (see
 * {@link TestDatabaseConfiguration}) with the {@code test} profile; module APIs not
 * implemented yet get stand-ins (see {@link MissingModuleStandIns}). Security is on:
 * MockMvc requests are sent as the real {@link TestAdmin} (see
 * {@link TestAuthenticationConfiguration}). The data source counts statements for
 * {@link StatementCounter} (in every such context, so that counting needs no context of
 * its own). Keep the attribute combinations few: each one is a new context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, MissingModuleStandIns.class, TestAuthenticationConfiguration.class,
		StatementCounter.Configuration.class })
@ActiveProfiles("test")
public @interface IntegrationTest {

	@AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
	SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}

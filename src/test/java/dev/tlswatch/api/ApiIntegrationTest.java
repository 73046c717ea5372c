package dev.tlswatch.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.tlswatch.finding.Findings;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.IntegrationTest;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The API tests' one context: the whole application on the test database, MockMvc, and
 * mocks for the scan and finding modules' APIs, and no scheduler running. Every API test
 * class uses exactly this, so they share the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// Scheduled scans would run against the mocks: this context's scheduler stays in standby.
@IntegrationTest(properties = "spring.quartz.auto-startup=false")
@MockitoBean(types = { Scans.class, Findings.class })
@interface ApiIntegrationTest {

}

package dev.tlswatch.config;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Database faults: the watch that drives readiness, and the filter that answers 503 at
 * once while the database is away.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseWatchSettings.class)
class DatabaseFaultConfiguration {

	@Bean
	DatabaseWatch databaseWatch(ObjectProvider<DataSource> dataSource, DatabaseWatchSettings settings,
			ApplicationEventPublisher events) {
		return new DatabaseWatch(dataSource, settings, events);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<DatabaseDownFilter> databaseDownFilter(DatabaseWatch watch) {
		FilterRegistrationBean<DatabaseDownFilter> registration = new FilterRegistrationBean<>(
				new DatabaseDownFilter(watch));
		registration.setOrder(DatabaseDownFilter.ORDER);
		return registration;
	}

}

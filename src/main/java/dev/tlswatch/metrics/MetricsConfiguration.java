package dev.tlswatch.metrics;

import java.time.Clock;

import dev.tlswatch.alert.OpenAlertCounts;
import dev.tlswatch.notify.OutboxBacklog;
import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.Scheduler;

import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the meters: the scheduler-lag listener into Quartz, and the fleet-wide meters.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	SchedulerLag schedulerLag(Clock clock, MetricsSettings settings) {
		return new SchedulerLag(clock, settings.lagWindow());
	}

	@Bean
	SchedulerFactoryBeanCustomizer schedulerLagListener(SchedulerLag lag) {
		return (factory) -> factory.setGlobalTriggerListeners(lag);
	}

	@Bean
	FleetMeters fleetMeters(MeterRegistry registry, OpenAlertCounts alerts, OutboxBacklog outbox, SchedulerLag lag,
			SnapshotUpdater snapshot, Scheduler scheduler, JdbcTemplate jdbc, MetricsSettings settings) {
		return new FleetMeters(registry, alerts, outbox, lag, snapshot, scheduler, jdbc, settings);
	}

}

package dev.tlswatch.scan;

import java.util.function.Supplier;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerContext;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.SchedulerContextAware;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * Quartz's job factory: every firing of an endpoint's {@link ScanJob} gets the one
 * {@code ScanJob} instance; other jobs are made as Spring Boot makes them (a bean created
 * per firing, with the job's data bound to its properties). Creating and binding a bean
 * for each of the thousands of firings an hour was a measurable share of a quick check's
 * CPU.
 */
@Configuration(proxyBeanMethods = false)
class ScanJobFactory {

	@Bean
	SchedulerFactoryBeanCustomizer scanJobFactoryCustomizer(ObjectProvider<ScanService> scans,
			ApplicationContext context) {
		// made at the first firing: the scan service depends on the scheduler
		Supplier<ScanJob> job = SingletonSupplier.of(() -> new ScanJob(scans.getObject()));
		SpringBeanJobFactory others = new SpringBeanJobFactory();
		others.setApplicationContext(context);
		return (factory) -> factory.setJobFactory(new SharedScanJob(job, others));
	}

	private record SharedScanJob(Supplier<ScanJob> job,
			SpringBeanJobFactory others) implements JobFactory, SchedulerContextAware {

		@Override
		public void setSchedulerContext(SchedulerContext schedulerContext) {
			this.others.setSchedulerContext(schedulerContext);
		}

		@Override
		public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
			return (bundle.getJobDetail().getJobClass() == ScanJob.class) ? this.job.get()
					: this.others.newJob(bundle, scheduler);
		}

	}

}

package dev.tlswatch.scan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

/**
 * The scan job keeps two firings of one endpoint apart on a node, and lets firings of
 * different endpoints run side by side, without Quartz's per-job blocking.
 */
class ScanJobTests {

	private final ScanService scans = mock(ScanService.class);

	private final ScanJob job = new ScanJob(this.scans);

	@Test
	void isNotBlockedByQuartz() {
		assertThat(ScanJob.class.isAnnotationPresent(DisallowConcurrentExecution.class)).isFalse();
	}

	@Test
	void twoFiringsOfOneEndpointRunOneAfterTheOther() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		CountDownLatch firstEntered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		willAnswer((invocation) -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			firstEntered.countDown();
			release.await(10, TimeUnit.SECONDS);
			running.decrementAndGet();
			return Optional.empty();
		}).given(this.scans).fire(anyLong(), anyBoolean());
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> scheduled = threads.submit(() -> this.job.execute(firing(7, false)));
			assertThat(firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> manual = threads.submit(() -> this.job.execute(firing(7, true)));
			// the manual firing waits for the scheduled one: it has not entered the scan
			Thread.sleep(200);
			assertThat(running.get()).isEqualTo(1);
			release.countDown();
			scheduled.get(10, TimeUnit.SECONDS);
			manual.get(10, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(mostAtOnce.get()).isEqualTo(1);
	}

	@Test
	void firingsOfDifferentEndpointsRunAtOnce() throws Exception {
		CountDownLatch bothInside = new CountDownLatch(2);
		given(this.scans.fire(anyLong(), anyBoolean())).willAnswer((invocation) -> {
			bothInside.countDown();
			// each waits for the other: both get past it only when they run at once
			bothInside.await(10, TimeUnit.SECONDS);
			return Optional.empty();
		});
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> firings = List.of(threads.submit(() -> this.job.execute(firing(1, false))),
					threads.submit(() -> this.job.execute(firing(2, false))));
			for (Future<?> firing : firings) {
				firing.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(bothInside.getCount()).isZero();
	}

	@Test
	void aFailedScanReleasesTheEndpoint() {
		given(this.scans.fire(anyLong(), anyBoolean())).willThrow(new IllegalStateException("database away"))
			.willReturn(Optional.empty());
		this.job.execute(firing(3, false));
		this.job.execute(firing(3, false));
		// the second firing got the endpoint's lock again
		then(this.scans).should(times(2)).fire(3, false);
	}

	private static JobExecutionContext firing(long endpointId, boolean manual) {
		JobExecutionContext context = mock(JobExecutionContext.class);
		JobDataMap data = new JobDataMap(Map.of(ScanJob.ENDPOINT_ID, endpointId));
		if (manual) {
			data.put(ScanJob.MANUAL, true);
		}
		given(context.getMergedJobDataMap()).willReturn(data);
		return context;
	}

}

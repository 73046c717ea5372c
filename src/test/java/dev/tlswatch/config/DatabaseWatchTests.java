package dev.tlswatch.config;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database watch, on a data source that answers as the test says: stopping it while a
 * check waits (a shutdown, or Spring's test context cache pausing an unused context) is
 * not taken for the database going away.
 */
class DatabaseWatchTests {

	@Test
	void stoppingTheWatchDuringACheckLeavesReadinessAlone() throws Exception {
		CountDownLatch checking = new CountDownLatch(1);
		DataSource blocking = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					if (!method.getName().equals("getConnection")) {
						throw new UnsupportedOperationException(method.getName());
					}
					checking.countDown();
					try {
						new CountDownLatch(1).await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					throw new SQLException("Interrupted while attempting to connect");
				});
		List<Object> events = new CopyOnWriteArrayList<>();
		DatabaseWatch watch = new DatabaseWatch(
				new StaticListableBeanFactory(Map.of("dataSource", blocking)).getBeanProvider(DataSource.class),
				new DatabaseWatchSettings(Duration.ofMillis(100), Duration.ofSeconds(1)), events::add);

		watch.start();
		assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
		watch.stop();

		assertThat(watch.isRunning()).isFalse();
		assertThat(watch.down()).isFalse();
		assertThat(events).isEmpty();
	}

	@Test
	void aServerOutOfConnectionSlotsIsUp() {
		List<Object> events = new CopyOnWriteArrayList<>();
		DatabaseWatch watch = watch(
				failing(new SQLException("FATAL: sorry, too many clients already", DatabaseWatch.TOO_MANY_CONNECTIONS)),
				events);

		watch.check();

		assertThat(watch.down()).isFalse();
		assertThat(events).isEmpty();
	}

	@Test
	void aServerThatDoesNotAnswerIsDown() {
		List<Object> events = new CopyOnWriteArrayList<>();
		DatabaseWatch watch = watch(failing(new SQLException("Connection refused", "08001")), events);

		watch.check();

		assertThat(watch.down()).isTrue();
		assertThat(events).hasSize(1);
	}

	private static DatabaseWatch watch(DataSource source, List<Object> events) {
		return new DatabaseWatch(
				new StaticListableBeanFactory(Map.of("dataSource", source)).getBeanProvider(DataSource.class),
				new DatabaseWatchSettings(Duration.ofMillis(100), Duration.ofSeconds(1)), events::add);
	}

	private DataSource failing(SQLException failure) {
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, args) -> {
					if (!method.getName().equals("getConnection")) {
						throw new UnsupportedOperationException(method.getName());
					}
					throw failure;
				});
	}

}

package dev.tlswatch.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the database over one dedicated connection (outside the pool, with short
 * connect and socket timeouts) and turns readiness to {@code REFUSING_TRAFFIC} within
 * about {@code check-interval + 2 * check-timeout} of the database going away, and back
 * when it answers again. Liveness is not touched: the JVM is fine, restarting it would
 * not help. While the database is down, {@link DatabaseDownFilter} answers requests with
 * 503 at once instead of letting them wait for the pool. A server that answers but has no
 * connection slot left for the watch (other clients used them all) is up: the pool's
 * connections still serve, so readiness stays as it is.
 */
class DatabaseWatch implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseWatch.class);

	/**
	 * SQLSTATE {@code 53300}: the server has no connection slot left for a new client.
	 */
	static final String TOO_MANY_CONNECTIONS = "53300";

	private final ObjectProvider<DataSource> dataSource;

	private final DatabaseWatchSettings settings;

	private final ApplicationEventPublisher events;

	private volatile boolean down;

	/** Set while {@link #stop()} interrupts a check: what that check saw says nothing. */
	private volatile boolean stopping;

	private @Nullable Connection connection;

	/** Why the last failed check failed, for the log line that turns readiness DOWN. */
	private @Nullable String lastFailure;

	private @Nullable ScheduledExecutorService executor;

	DatabaseWatch(ObjectProvider<DataSource> dataSource, DatabaseWatchSettings settings,
			ApplicationEventPublisher events) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.events = events;
	}

	/**
	 * Whether the last check failed.
	 * @return {@code true} while the database does not answer
	 */
	boolean down() {
		return this.down;
	}

	/**
	 * One check; runs on the watch thread only. A first failure is confirmed at once with
	 * a fresh connection before readiness changes, so that one slow answer on a busy
	 * machine (a GC pause, a CPU spike) does not turn every request into a 503.
	 */
	void check() {
		boolean reachable = reachable() || (!this.down && reachable());
		if (this.stopping || Thread.currentThread().isInterrupted()) {
			// Stopped mid-check (shutdown, or a test context paused): the interrupt
			// failed the check, not the database.
			return;
		}
		if (!reachable && !this.down) {
			this.down = true;
			logger.error("Database unreachable ({}): readiness is now REFUSING_TRAFFIC, requests get 503",
					this.lastFailure);
			AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
		}
		else if (reachable && this.down) {
			this.down = false;
			logger.warn("Database reachable again: readiness is ACCEPTING_TRAFFIC");
			AvailabilityChangeEvent.publish(this.events, this, ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	private boolean reachable() {
		int seconds = (int) Math.max(1, this.settings.checkTimeout().toSeconds());
		try {
			if (this.connection == null || !this.connection.isValid(seconds)) {
				closeConnection();
				this.connection = connect(seconds);
			}
			try (Statement statement = this.connection.createStatement()) {
				statement.setQueryTimeout(seconds);
				statement.execute("select 1");
			}
			return true;
		}
		catch (SQLException | RuntimeException ex) {
			closeConnection();
			if (ex instanceof SQLException sql && TOO_MANY_CONNECTIONS.equals(sql.getSQLState())) {
				// The server answered: it is up, only out of connection slots for a new
				// one, and the pool's connections keep serving requests.
				logger.debug("Database answered but refused the watch a connection: {}", ex.getMessage());
				return true;
			}
			logger.debug("Database check failed: {}", ex.getMessage());
			this.lastFailure = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			return false;
		}
	}

	private Connection connect(int seconds) throws SQLException {
		DataSource source = this.dataSource.getIfAvailable();
		if (!(source instanceof HikariDataSource pool) || pool.getJdbcUrl() == null) {
			// Not Boot's pool (or no database at all): ask the data source itself.
			if (source == null) {
				throw new IllegalStateException("No DataSource");
			}
			return source.getConnection();
		}
		Properties properties = new Properties();
		properties.putAll(pool.getDataSourceProperties());
		if (pool.getUsername() != null) {
			properties.setProperty("user", pool.getUsername());
		}
		if (pool.getPassword() != null) {
			properties.setProperty("password", pool.getPassword());
		}
		properties.setProperty("connectTimeout", Integer.toString(seconds));
		properties.setProperty("socketTimeout", Integer.toString(seconds));
		properties.setProperty("loginTimeout", Integer.toString(seconds));
		properties.setProperty("ApplicationName", "tlswatch-database-watch");
		return DriverManager.getConnection(pool.getJdbcUrl(), properties);
	}

	private void closeConnection() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// A broken connection may fail to close; it is dropped either way.
			}
			this.connection = null;
		}
	}

	@Override
	public synchronized void start() {
		if (this.dataSource.getIfAvailable() == null) {
			return;
		}
		this.stopping = false;
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("tlswatch-database-watch").daemon(true).factory());
		long period = this.settings.checkInterval().toMillis();
		// The first check at once: a watch started again (after a stop) tells at once
		// whether the database is still there.
		started.scheduleWithFixedDelay(this::checkSafely, 0, period, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	private void checkSafely() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			// A repeating task that throws stops repeating; the next check tries again.
			logger.warn("Database check failed", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.stopping = true;
			this.executor.shutdownNow();
			try {
				this.executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
		closeConnection();
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}

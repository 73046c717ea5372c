package dev.tlswatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;

/**
 * The PostgreSQL server of a test JVM: Testcontainers where a Docker engine answers, a
 * shared embedded PostgreSQL (temporary directory) otherwise. Decided once per JVM.
 */
public final class TestDatabase {

	private static final boolean DOCKER = probeDocker();

	private static EmbeddedPostgres embedded;

	private TestDatabase() {
	}

	public static boolean dockerAvailable() {
		return DOCKER;
	}

	private static boolean probeDocker() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			// No Docker engine: the embedded server stands in.
			return false;
		}
	}

	/**
	 * The shared embedded server, started on first use and stopped when the JVM exits.
	 * Every cached test context keeps its own pool open on it, so it takes more
	 * connections than PostgreSQL's default 100: at the end of a full run, the clients
	 * used them all once and a context's database watch could not connect. Each cached
	 * context holds up to 20 (the pool's size) and Spring caches up to 32 contexts.
	 * @return the running server
	 */
	public static synchronized EmbeddedPostgres embedded() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "1000").start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Unable to start embedded PostgreSQL for tests", ex);
			}
			EmbeddedPostgres server = embedded;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// The JVM is exiting; the temporary directory goes with it.
				}
			}));
		}
		return embedded;
	}

}

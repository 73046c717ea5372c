package dev.tlswatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import dev.tlswatch.config.PostgresConnectionDetails;

/**
 * An embedded PostgreSQL that one fault test owns (never the shared test database): it
 * can be stopped to play an outage and started again on the same port with the same data.
 */
public final class StoppableDatabase {

	private final String owner;

	private final Path data;

	private EmbeddedPostgres server;

	private final int port;

	/**
	 * Starts the database on a free port, with its data in a new temporary folder.
	 * @param owner who owns it, for the folder name and messages ("fault test")
	 */
	public StoppableDatabase(String owner) {
		this.owner = owner;
		try {
			this.data = Files.createTempDirectory("tlswatch-" + owner.replace(' ', '-') + "-db");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server = start(0);
		this.port = this.server.getPort();
	}

	/**
	 * @return the port it listens on, the same after every start
	 */
	public int port() {
		return this.port;
	}

	/**
	 * @return the connection details that point the application at it
	 */
	public JdbcConnectionDetails connectionDetails() {
		return PostgresConnectionDetails.embedded(this.port);
	}

	/** Stops the server; connections break and new ones are refused. */
	public synchronized void stop() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to stop the " + this.owner + "'s PostgreSQL", ex);
		}
	}

	/** Starts the server again, on the same port with the same data. */
	public synchronized void start() {
		this.server = start(this.port);
	}

	private EmbeddedPostgres start(int port) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(this.data)
				.setCleanDataDirectory(false);
			if (port > 0) {
				builder.setPort(port);
			}
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to start the " + this.owner + "'s PostgreSQL", ex);
		}
	}

}

package dev.tlswatch.retention;

import org.jspecify.annotations.Nullable;

/**
 * Retention as the settings page shows it.
 *
 * @param settings the settings in force
 * @param databaseBytes the size of the database on disk
 * @param lastRun the last run on this node since it started, {@code null} when none
 */
public record RetentionStatus(RetentionSettings settings, long databaseBytes, @Nullable RetentionReport lastRun) {
}

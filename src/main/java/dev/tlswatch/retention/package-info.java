/**
 * Retention: a clustered Quartz job that keeps the database from growing without end.
 * Every scan is kept in full for a while; after that only scans where something changed
 * plus one per endpoint per day; certificates no scan references, delivered outbox rows
 * and old audit events go. Everything in bounded batches of short transactions.
 */
@ApplicationModule(allowedDependencies = { "scan", "finding", "notify", "audit", "schedule" })
@NullMarked
package dev.tlswatch.retention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

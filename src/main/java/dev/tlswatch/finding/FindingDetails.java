package dev.tlswatch.finding;

import org.jspecify.annotations.Nullable;

/**
 * One finding of one scan.
 *
 * @param code what was found ({@code CHAIN_TRUSTED}, {@code HOSTNAME_MISMATCH}...)
 * @param severity how urgent
 * @param address the address it concerns, {@code null} for the whole endpoint
 * @param message a sentence for users
 */
public record FindingDetails(String code, Severity severity, @Nullable String address, String message) {
}

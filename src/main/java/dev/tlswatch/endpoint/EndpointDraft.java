package dev.tlswatch.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint as a user asked for it, before validation and normalisation. Missing values
 * are {@code null}; {@link Endpoints} reports them as invalid fields or applies defaults
 * (interval, tags, enabled).
 *
 * @param host host name or IP literal
 * @param port TCP port
 * @param tlsMode how TLS starts
 * @param sniName the SNI name, {@code null} or blank for the host
 * @param scanIntervalMinutes minutes between scans, {@code null} for the default
 * @param tags labels, {@code null} for none
 * @param enabled whether scheduled scans run, {@code null} for yes
 */
public record EndpointDraft(@Nullable String host, @Nullable Integer port, @Nullable TlsMode tlsMode,
		@Nullable String sniName, @Nullable Integer scanIntervalMinutes, @Nullable List<String> tags,
		@Nullable Boolean enabled) {
}

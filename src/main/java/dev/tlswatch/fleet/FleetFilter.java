package dev.tlswatch.fleet;

import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.probe.TlsVersion;
import org.jspecify.annotations.Nullable;

/**
 * What the endpoint list keeps; {@code null} components do not filter.
 *
 * @param text part of the host, SNI name or a tag, case-insensitive
 * @param status the endpoint's status
 * @param grade the worst grade over the latest scan's addresses ({@code A+} ...
 * {@code F}, {@code T}, {@code M})
 * @param tlsMode how TLS starts, as registered
 * @param expiringWithinDays the leaf expires within this many days (or has expired)
 * @param tag carries exactly this tag
 * @param accepts the latest scan saw an address accept this version
 * @param postQuantum the latest scan saw a post-quantum group accepted (or not)
 */
public record FleetFilter(@Nullable String text, @Nullable EndpointStatus status, @Nullable String grade,
		@Nullable TlsMode tlsMode, @Nullable Integer expiringWithinDays, @Nullable String tag,
		@Nullable TlsVersion accepts, @Nullable Boolean postQuantum) {

	/** No filter at all. */
	public static final FleetFilter NONE = new FleetFilter(null, null, null, null, null, null, null, null);

	public FleetFilter {
		text = blankToNull(text);
		grade = blankToNull(grade);
		tag = blankToNull(tag);
	}

	/** Whether anything is filtered. */
	public boolean active() {
		return !equals(NONE);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

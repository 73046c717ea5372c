package dev.tlswatch.scan;

import java.util.Objects;

import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.Observed;
import org.jspecify.annotations.Nullable;

/**
 * The HSTS policy (RFC 6797) of one address, or why there is none: the probe's
 * {@code Observed<Hsts>} as stored.
 *
 * @param status {@link Observed.Status#OBSERVED} when the server's answer was judged;
 * otherwise why not ({@code NOT_APPLICABLE}: not an HTTPS server, {@code COULD_NOT_TEST},
 * {@code TIMED_OUT}, {@code ERROR})
 * @param verdict the judged policy, present exactly when observed
 * @param maxAge the max-age in seconds when enabled or disabled
 * @param includeSubDomains whether the policy covers subdomains
 * @param preload whether the preload token is present
 * @param header the header as received, {@code null} when absent
 * @param detail the answer or why there is none, in a few words
 */
public record HstsDetails(Observed.Status status, Hsts.@Nullable Verdict verdict, @Nullable Long maxAge,
		boolean includeSubDomains, boolean preload, @Nullable String header, @Nullable String detail) {

	public HstsDetails {
		Objects.requireNonNull(status, "status");
		if ((status == Observed.Status.OBSERVED) != (verdict != null)) {
			throw new IllegalArgumentException("A verdict goes with an observed policy, and only with it; status "
					+ status + ", verdict " + verdict);
		}
	}

	/**
	 * A policy the server's answer showed.
	 * @param verdict the verdict
	 * @param maxAge the max-age when enabled or disabled
	 * @param includeSubDomains whether it covers subdomains
	 * @param preload whether the preload token is present
	 * @param header the header as received
	 * @param detail the answer in a few words
	 * @return the details
	 */
	public static HstsDetails observed(Hsts.Verdict verdict, @Nullable Long maxAge, boolean includeSubDomains,
			boolean preload, @Nullable String header, @Nullable String detail) {
		return new HstsDetails(Observed.Status.OBSERVED, verdict, maxAge, includeSubDomains, preload, header, detail);
	}

	/**
	 * No policy to judge.
	 * @param status why: not applicable, could not test, timed out, error
	 * @param detail why, in a few words
	 * @return the details
	 */
	public static HstsDetails none(Observed.Status status, @Nullable String detail) {
		return new HstsDetails(status, null, null, false, false, null, detail);
	}

	/**
	 * Whether the server's answer was judged: the policy is one of enabled, disabled,
	 * absent or malformed.
	 * @return whether there is a verdict
	 */
	public boolean judged() {
		return this.verdict != null;
	}

}

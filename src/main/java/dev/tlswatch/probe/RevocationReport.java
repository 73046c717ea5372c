package dev.tlswatch.probe;

import java.util.Collections;
import java.util.List;

/**
 * The revocation status of every certificate of a chain as sent, and of the chain as a
 * whole.
 *
 * @param certificates one answer per certificate of the chain, in the order sent (leaf
 * first); self-signed certificates (trust anchors) are
 * {@link Revocation.Status#NOT_CHECKED}
 */
public record RevocationReport(List<Revocation> certificates) {

	/** Revocation checking switched off. */
	public static final RevocationReport SWITCHED_OFF = new RevocationReport(List.of());

	private static final String OFF_DETAIL = "Revocation checking is switched off";

	public RevocationReport {
		certificates = List.copyOf(certificates);
	}

	/**
	 * Each certificate not checked.
	 * @param count how many certificates
	 * @param why why not
	 * @return the report
	 */
	public static RevocationReport notChecked(int count, String why) {
		return new RevocationReport(Collections.nCopies(count, Revocation.notChecked(why)));
	}

	/**
	 * The answer for the chain: the first revoked certificate; else the first certificate
	 * whose answer is unknown; else, when every certificate checked is good, the leaf's
	 * answer; {@link Revocation.Status#NOT_CHECKED} when nothing was checked.
	 * @return the answer
	 */
	public Revocation summary() {
		for (Revocation revocation : this.certificates) {
			if (revocation.status() == Revocation.Status.REVOKED) {
				return revocation;
			}
		}
		for (Revocation revocation : this.certificates) {
			if (revocation.status() == Revocation.Status.UNKNOWN) {
				return revocation;
			}
		}
		for (Revocation revocation : this.certificates) {
			if (revocation.status() == Revocation.Status.GOOD) {
				return revocation;
			}
		}
		return this.certificates.isEmpty() ? Revocation.notChecked(OFF_DETAIL) : this.certificates.get(0);
	}

	/**
	 * The answer for one certificate of the chain.
	 * @param index its position, leaf 0
	 * @return the answer, not checked when the report has none for it
	 */
	public Revocation forCertificate(int index) {
		return (index >= 0 && index < this.certificates.size()) ? this.certificates.get(index)
				: Revocation.notChecked(OFF_DETAIL);
	}

	/**
	 * Whether any certificate is revoked.
	 * @return whether the summary is revoked
	 */
	public boolean revoked() {
		return summary().status() == Revocation.Status.REVOKED;
	}

}

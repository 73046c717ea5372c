package dev.tlswatch.metrics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.HandshakeOutcome;
import org.jspecify.annotations.Nullable;

/**
 * What the gauges of one address of an endpoint show, as of its latest judged scan.
 *
 * @param address the IP address, {@value #UNRESOLVED} when the name did not resolve
 * @param earliestExpiry the earliest notAfter in the chain the address served,
 * {@code null} without chain
 * @param up whether the address completed a TLS handshake
 * @param status the endpoint's status from finding's verdict
 * @param grade the address's grade letter, {@code null} without one
 */
record AddressSnapshot(String address, @Nullable Instant earliestExpiry, boolean up, EndpointStatus status,
		@Nullable String grade) {

	/** The {@code address} label when the endpoint's name did not resolve. */
	static final String UNRESOLVED = "none";

	static AddressSnapshot of(AddressResult result, EndpointStatus status) {
		String address = (result.address() != null) ? result.address() : UNRESOLVED;
		Instant expiry = earliestNotAfter(result.chain());
		String grade = (result.grade() != null) ? result.grade().letter().displayName() : null;
		return new AddressSnapshot(address, expiry, result.outcome() == HandshakeOutcome.OK, status, grade);
	}

	private static @Nullable Instant earliestNotAfter(List<CertificateInfo> chain) {
		return chain.stream().map(CertificateInfo::notAfter).min(Comparator.naturalOrder()).orElse(null);
	}

	/**
	 * The value of {@code tlswatch_endpoint_status}: 0 ok, 1 warning, 2 critical
	 * (unreachable counts as critical), {@code null} before the first verdict.
	 * @return the number, or {@code null}
	 */
	@Nullable Integer statusNumber() {
		return switch (this.status) {
			case OK -> 0;
			case WARNING -> 1;
			case CRITICAL, UNREACHABLE -> 2;
			case PENDING -> null;
		};
	}

	/**
	 * The value of {@code tlswatch_endpoint_grade}: A+ 8, A 7, A- 6, B 5, C 4, D 3, E 2,
	 * F 1, T and M (trust or name problems) 0; {@code null} without a grade.
	 * @return the number, or {@code null}
	 */
	@Nullable Integer gradeNumber() {
		if (this.grade == null) {
			return null;
		}
		return switch (this.grade) {
			case "A+" -> 8;
			case "A" -> 7;
			case "A-" -> 6;
			case "B" -> 5;
			case "C" -> 4;
			case "D" -> 3;
			case "E" -> 2;
			case "F" -> 1;
			default -> 0;
		};
	}

}

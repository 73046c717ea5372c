package dev.tlswatch.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.tlswatch.finding.ExpiryPolicy;
import dev.tlswatch.alert.AlertDefaults;
import dev.tlswatch.endpoint.CertificateSummary;
import dev.tlswatch.scan.ScanDefaults;
import org.jspecify.annotations.Nullable;

/**
 * What the settings page shows of the configured defaults: each value with the key that
 * sets it, and the global trust bundle's anchors.
 *
 * @param settings the defaults, in the order shown
 * @param trustBundle the global trust bundle
 */
record DefaultsView(List<Setting> settings, TrustBundleView trustBundle) {

	static DefaultsView of(int defaultScanIntervalMinutes, AlertDefaults alert, ScanDefaults scan, Instant now,
			ExpiryPolicy policy) {
		List<Setting> settings = List.of(
				new Setting("Scan interval", minutes(defaultScanIntervalMinutes),
						"tlswatch.endpoint.default-scan-interval-minutes"),
				new Setting("Expiry thresholds", String.join(", ", alert.thresholds()), AlertDefaults.THRESHOLDS_KEY),
				new Setting("Rules switched off",
						alert.disabledRules().isEmpty() ? "None" : String.join(", ", alert.disabledRules()),
						AlertDefaults.DISABLED_RULES_KEY),
				new Setting("Connect timeout", duration(scan.connectTimeout()), "tlswatch.scan.connect-timeout"),
				new Setting("Handshake timeout", duration(scan.handshakeTimeout()), "tlswatch.scan.handshake-timeout"),
				new Setting("Name lookup timeout", duration(scan.resolveTimeout()), "tlswatch.scan.resolve-timeout"),
				new Setting("Connections per address", Integer.toString(scan.connectionsPerAddress()),
						"tlswatch.scan.connections-per-address"),
				new Setting("Addresses per name", Integer.toString(scan.maxAddresses()),
						"tlswatch.scan.max-addresses"));
		ScanDefaults.GlobalTrustBundle bundle = scan.trustBundle();
		List<Anchor> anchors = bundle.anchors().stream().map((anchor) -> Anchor.of(anchor, now, policy)).toList();
		return new DefaultsView(settings, new TrustBundleView((bundle.path() != null) ? bundle.path().toString() : null,
				bundle.problem(), anchors));
	}

	private static String minutes(int minutes) {
		return (minutes == 1) ? "1 minute" : minutes + " minutes";
	}

	/** A duration as it is configured: {@code 5s}, {@code 2m}, {@code 1500ms}. */
	static String duration(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		if (duration.toMillis() % 1000 != 0) {
			return duration.toMillis() + "ms";
		}
		long seconds = duration.toSeconds();
		if (seconds % 3600 == 0) {
			return (seconds / 3600) + "h";
		}
		return (seconds % 60 == 0) ? (seconds / 60) + "m" : seconds + "s";
	}

	/**
	 * One default.
	 *
	 * @param name what it is
	 * @param value its value
	 * @param key the configuration key that sets it
	 */
	record Setting(String name, String value, String key) {

		/** The environment variable that sets it, by Spring Boot's relaxed binding. */
		public String environmentVariable() {
			return this.key.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
		}

	}

	/**
	 * The global trust bundle.
	 *
	 * @param path the configured file, {@code null} if none
	 * @param problem why it could not be read, {@code null} if it could
	 * @param anchors its certificates
	 */
	record TrustBundleView(@Nullable String path, @Nullable String problem, List<Anchor> anchors) {

		public String key() {
			return ScanDefaults.TRUST_BUNDLE_KEY;
		}

	}

	/**
	 * One trust anchor.
	 *
	 * @param subject its subject
	 * @param notAfter the end of its validity
	 * @param expiry how long it has left
	 * @param sha256 its fingerprint
	 */
	record Anchor(String subject, Timestamp notAfter, Expiry expiry, String sha256) {

		static Anchor of(CertificateSummary certificate, Instant now, ExpiryPolicy policy) {
			return new Anchor(certificate.subject(), Timestamp.of(certificate.notAfter()),
					Expiry.of(null, certificate.notAfter(), now, policy), certificate.sha256());
		}

	}

}

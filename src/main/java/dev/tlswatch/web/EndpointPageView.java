package dev.tlswatch.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import dev.tlswatch.endpoint.CertificateSummary;
import dev.tlswatch.endpoint.ConnectionOptions;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.ExpiryPolicy;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.CipherSupport;
import dev.tlswatch.scan.GradeDetails;
import dev.tlswatch.scan.HstsDetails;
import dev.tlswatch.scan.RevocationDetails;
import dev.tlswatch.scan.VulnerabilityDetails;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.Scans;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Builds the page of one endpoint: its settings and status, the certificate and chain of
 * its latest scan, the protocol versions and other results per address, findings, what
 * changed over its latest scans and a page of history.
 */
@Component
class EndpointPageView {

	private static final int FINGERPRINT_SHORT = 12;

	private final Endpoints endpoints;

	private final Scans scans;

	private final Findings findings;

	private final Clock clock;

	EndpointPageView(Endpoints endpoints, Scans scans, Findings findings, Clock clock) {
		this.endpoints = endpoints;
		this.scans = scans;
		this.findings = findings;
		this.clock = clock;
	}

	/**
	 * The page of one endpoint.
	 * @param id the endpoint
	 * @param historyPage the page of its scan history
	 * @return the view
	 * @throws dev.tlswatch.endpoint.EndpointNotFoundException if there is no such
	 * endpoint
	 */
	EndpointPage page(long id, PageRequest historyPage) {
		EndpointDetails endpoint = this.endpoints.get(id);
		EndpointStatus status = this.findings.statusOf(List.of(id)).getOrDefault(id, EndpointStatus.PENDING);
		Instant now = this.clock.instant();
		ExpiryPolicy policy = this.findings.expiryPolicy(id);
		CurrentScan latest = this.scans.latest(id).map((scan) -> currentScan(scan, now, policy)).orElse(null);
		Page<ScanDetails> history = this.scans.history(id, historyPage);
		TimelineView timeline = TimelineView.of(this.scans.timeline(id, Scans.MAX_TIMELINE_SCANS));
		return new EndpointPage(EndpointHeader.of(endpoint), StatusBadge.of(status), latest,
				history.getContent().stream().map(EndpointPageView::historyRow).toList(), PageNav.of(history),
				timeline);
	}

	private CurrentScan currentScan(ScanDetails scan, Instant now, ExpiryPolicy policy) {
		List<FindingRow> findingRows = this.findings.forScan(scan.id()).stream().map(FindingRow::of).toList();
		List<CertificateView> chain = certifiedResult(scan).map((result) -> chain(result, now, policy))
			.orElse(List.of());
		List<AddressRow> addresses = scan.results().stream().map(AddressRow::of).toList();
		List<VersionsRow> versions = scan.results()
			.stream()
			.filter((result) -> !result.versions().isEmpty())
			.map(VersionsRow::of)
			.toList();
		List<GradeRow> grades = scan.results()
			.stream()
			.filter((result) -> result.grade() != null)
			.map(GradeRow::of)
			.toList();
		List<SuitesRow> suites = scan.results()
			.stream()
			.filter((result) -> result.cipherSupport() != null)
			.map(SuitesRow::of)
			.toList();
		List<ExtrasRow> extras = scan.results()
			.stream()
			.filter((result) -> result.ocspStapled() != null || result.hsts() != null
					|| result.clientCertificateRequested() != null)
			.map(ExtrasRow::of)
			.toList();
		List<VulnerabilitiesRow> vulnerabilities = scan.results()
			.stream()
			.filter((result) -> !result.vulnerabilities().isEmpty())
			.map(VulnerabilitiesRow::of)
			.toList();
		List<String> rateLimits = scan.results()
			.stream()
			.filter((result) -> result.rateLimit() != null)
			.map((result) -> result.address() + ": " + result.rateLimit().describe())
			.toList();
		List<RevocationDetails> chainRevocation = certifiedResult(scan).map(AddressResult::chainRevocationDetails)
			.orElse(List.of());
		List<RevocationRow> revocation = scan.results()
			.stream()
			.filter((result) -> !result.chain().isEmpty())
			.map(RevocationRow::of)
			.toList();
		return new CurrentScan(scan.id(), Timestamp.of(scan.finishedAt()), StatusBadge.of(scan.outcome()), scan.error(),
				chain, addresses, versions, grades, suites, findingRows, extras, vulnerabilities, kind(scan),
				Timestamp.of(scan.fullProbeAt()), rateLimits, chainRevocation, revocation);
	}

	/**
	 * The certificates one address sent, each with the chain problems that concern it.
	 */
	private static List<CertificateView> chain(AddressResult result, Instant now, ExpiryPolicy policy) {
		List<CertificateInfo> certificates = result.chain();
		List<CertificateView> views = new ArrayList<>(certificates.size());
		for (int position = 0; position < certificates.size(); position++) {
			int at = position;
			List<ChainIssue> issues = result.chainReport()
				.issues()
				.stream()
				.filter((issue) -> issue.position() == at)
				.toList();
			views.add(CertificateView.of(certificates.get(position), now, policy, issues));
		}
		return List.copyOf(views);
	}

	/**
	 * The address whose chain the page shows: the first that completed a handshake and
	 * sent certificates, else the first that sent any.
	 */
	private static Optional<AddressResult> certifiedResult(ScanDetails scan) {
		return scan.results()
			.stream()
			.filter((result) -> !result.chain().isEmpty())
			.min(Comparator.comparing((AddressResult result) -> result.outcome() != HandshakeOutcome.OK));
	}

	private static HistoryRow historyRow(ScanDetails scan) {
		AddressResult shown = certifiedResult(scan).orElse(null);
		CertificateInfo leaf = (shown != null) ? shown.leaf() : null;
		return new HistoryRow(scan.id(), Timestamp.of(scan.finishedAt()), trigger(scan), StatusBadge.of(scan.outcome()),
				(shown != null) ? shown.protocol() : null, (leaf != null) ? leaf.sha256() : null,
				(leaf != null) ? shortFingerprint(leaf.sha256()) : null, scan.error(), kind(scan));
	}

	private static String kind(ScanDetails scan) {
		return switch (scan.kind()) {
			case QUICK -> "Quick check";
			case FULL -> "Full probe";
		};
	}

	private static String trigger(ScanDetails scan) {
		return switch (scan.trigger()) {
			case SCHEDULED -> "Scheduled";
			case MANUAL -> "Manual";
		};
	}

	static String shortFingerprint(String sha256) {
		return (sha256.length() > FINGERPRINT_SHORT) ? sha256.substring(0, FINGERPRINT_SHORT) + "…" : sha256;
	}

	/**
	 * The page of one endpoint.
	 *
	 * @param endpoint its settings
	 * @param status its status from the latest scan
	 * @param latest the latest scan, {@code null} if never scanned
	 * @param history a page of its scans, newest first
	 * @param historyNav the history's page links
	 * @param timeline what changed over the latest scans, and their handshake time and
	 * days left
	 */
	record EndpointPage(EndpointHeader endpoint, StatusBadge status, @Nullable CurrentScan latest,
			List<HistoryRow> history, PageNav historyNav, TimelineView timeline) {

		EndpointPage {
			history = List.copyOf(history);
		}

	}

	/**
	 * An endpoint's connection options, for showing: never the client key.
	 *
	 * @param connectAddress the fixed address connected to, {@code null} to resolve
	 * @param trustBundleSubjects the subjects of the endpoint's extra trust anchors
	 * @param clientSubject the client certificate's subject, {@code null} without one
	 * @param clientIssuer the client certificate's issuer, {@code null} without one
	 * @param clientNotAfter the client certificate's expiry, {@code null} without one
	 */
	record ConnectionView(@Nullable String connectAddress, List<String> trustBundleSubjects,
			@Nullable String clientSubject, @Nullable String clientIssuer, @Nullable Timestamp clientNotAfter) {

		ConnectionView {
			trustBundleSubjects = List.copyOf(trustBundleSubjects);
		}

		static ConnectionView of(ConnectionOptions options) {
			CertificateSummary client = options.clientCertificateSummary();
			return new ConnectionView(options.connectAddress(),
					options.trustBundleSummary().stream().map(CertificateSummary::subject).toList(),
					(client != null) ? client.subject() : null, (client != null) ? client.issuer() : null,
					(client != null) ? Timestamp.of(client.notAfter()) : null);
		}

		/**
		 * How many certificates the endpoint trusts in addition.
		 * @return the count, 0 without a bundle
		 */
		public int trustBundleCount() {
			return this.trustBundleSubjects.size();
		}

	}

	/**
	 * An endpoint's settings, in words.
	 *
	 * @param id the endpoint
	 * @param displayName {@code host:port}
	 * @param expectedName the SNI name sent and expected in the certificate
	 * @param sniGiven whether the SNI name differs from the host
	 * @param mode how TLS starts
	 * @param interval time between scheduled scans
	 * @param enabled whether scheduled scans run
	 * @param tags labels
	 * @param connection connect address, trust bundle and client certificate
	 */
	record EndpointHeader(long id, String displayName, String expectedName, boolean sniGiven, String mode,
			String interval, boolean enabled, List<String> tags, ConnectionView connection) {

		EndpointHeader {
			tags = List.copyOf(tags);
		}

		static EndpointHeader of(EndpointDetails endpoint) {
			return new EndpointHeader(endpoint.id(), endpoint.displayName(), endpoint.effectiveName(),
					endpoint.sniName() != null, mode(endpoint.tlsMode(), endpoint.port()),
					interval(endpoint.scanIntervalMinutes()), endpoint.enabled(), endpoint.tags(),
					ConnectionView.of(endpoint.options()));
		}

		/** The mode in words; {@code AUTO} also says what it resolves to on the port. */
		static String mode(TlsMode mode, int port) {
			if (mode != TlsMode.AUTO) {
				return label(mode);
			}
			TlsMode effective = mode.effectiveFor(port);
			String resolved = (effective != TlsMode.IMPLICIT) ? label(effective) : "implicit TLS";
			return "Auto (" + resolved + " on port " + port + ")";
		}

		static String label(TlsMode mode) {
			return switch (mode) {
				case IMPLICIT -> "Implicit TLS";
				case STARTTLS_SMTP -> "STARTTLS SMTP";
				case STARTTLS_IMAP -> "STARTTLS IMAP";
				case STARTTLS_POP3 -> "STARTTLS POP3";
				case STARTTLS_FTP -> "STARTTLS FTP";
				case STARTTLS_LDAP -> "STARTTLS LDAP";
				case STARTTLS_XMPP -> "STARTTLS XMPP";
				case STARTTLS_POSTGRES -> "STARTTLS PostgreSQL";
				case STARTTLS_MYSQL -> "STARTTLS MySQL";
				case STARTTLS_NNTP -> "STARTTLS NNTP";
				case STARTTLS_SIEVE -> "STARTTLS ManageSieve";
				case STARTTLS_LMTP -> "STARTTLS LMTP";
				case STARTTLS_IRC -> "STARTTLS IRC";
				case STARTTLS_MSSQL -> "STARTTLS SQL Server (TDS)";
				case AUTO -> "Auto";
			};
		}

		static String interval(int minutes) {
			if (minutes % (24 * 60) == 0) {
				return plural(minutes / (24 * 60), "day");
			}
			if (minutes % 60 == 0) {
				return plural(minutes / 60, "hour");
			}
			return plural(minutes, "minute");
		}

		private static String plural(int count, String unit) {
			return "every " + ((count == 1) ? unit : count + " " + unit + "s");
		}

	}

	/**
	 * The latest scan of an endpoint.
	 *
	 * @param id the scan
	 * @param finishedAt when it finished
	 * @param outcome its outcome
	 * @param error its error text, {@code null} when OK
	 * @param chain the certificates as sent by the address shown, leaf first
	 * @param addresses one row per address
	 * @param versions one row per address whose protocol versions were probed
	 * @param grades one row per address that was graded
	 * @param suites one entry per address whose suites and groups were enumerated
	 * @param findings its findings, most severe first
	 * @param extras OCSP stapling and HSTS, one row per address that answered
	 * @param vulnerabilities the vulnerability verdicts, one row per address probed
	 * @param kind "Quick check" or "Full probe"
	 * @param fullProbeAt when the full probe ran whose facts are shown
	 * @param rateLimits per address whose full probe a rate limit cut short, what it cut
	 * @param chainRevocation the revocation status of each certificate of {@code chain},
	 * in the same order
	 * @param revocation the revocation status of the chain, one row per address that sent
	 * one
	 */
	record CurrentScan(long id, Timestamp finishedAt, StatusBadge outcome, @Nullable String error,
			List<CertificateView> chain, List<AddressRow> addresses, List<VersionsRow> versions, List<GradeRow> grades,
			List<SuitesRow> suites, List<FindingRow> findings, List<ExtrasRow> extras,
			List<VulnerabilitiesRow> vulnerabilities, String kind, Timestamp fullProbeAt, List<String> rateLimits,
			List<RevocationDetails> chainRevocation, List<RevocationRow> revocation) {

		private static final String CRITICAL = "critical";

		CurrentScan {
			rateLimits = List.copyOf(rateLimits);
			chainRevocation = List.copyOf(chainRevocation);
			revocation = List.copyOf(revocation);
			extras = List.copyOf(extras);
			vulnerabilities = List.copyOf(vulnerabilities);
			chain = List.copyOf(chain);
			addresses = List.copyOf(addresses);
			versions = List.copyOf(versions);
			grades = List.copyOf(grades);
			suites = List.copyOf(suites);
			findings = List.copyOf(findings);
		}

		/** The leaf certificate, {@code null} if no address sent one. */
		public @Nullable CertificateView leaf() {
			return this.chain.isEmpty() ? null : this.chain.get(0);
		}

		/**
		 * The badge of the certificate card: the scan's outcome, unless the address whose
		 * chain is shown has a critical trust or name verdict, which then takes its
		 * place, so that the card never says OK about a chain that is critical.
		 * @return the badge
		 */
		public StatusBadge certificateBadge() {
			CertificateView leaf = leaf();
			if (leaf == null) {
				return this.outcome;
			}
			return this.addresses.stream()
				.filter((row) -> leaf.sha256().equals(row.leafFingerprint()))
				.flatMap((row) -> Stream.of(row.trust(), row.hostname()))
				.filter((badge) -> CRITICAL.equals(badge.tone()))
				.findFirst()
				.orElse(this.outcome);
		}

		/** Whether the name resolved to more than one address. */
		public boolean severalAddresses() {
			return this.addresses.size() > 1;
		}

	}

	/**
	 * The facts of one certificate.
	 *
	 * @param sha256 lower-case hex SHA-256 fingerprint
	 * @param sha1 lower-case hex SHA-1 fingerprint, {@code null} when the stored PEM does
	 * not decode
	 * @param subject subject DN, as the server sent it
	 * @param issuer issuer DN
	 * @param serialNumber serial in hex
	 * @param dnsNames the DNS names among its subject alternative names
	 * @param ipAddresses the IP addresses among its subject alternative names
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @param expiry days left
	 * @param notYetValid whether validity starts in the future
	 * @param validity how far through its validity it is today
	 * @param key key algorithm and size
	 * @param signatureAlgorithm signature algorithm
	 * @param selfSigned whether it signs itself
	 * @param issues what the chain analysis found wrong with it
	 */
	record CertificateView(String sha256, @Nullable String sha1, String subject, String issuer, String serialNumber,
			List<String> dnsNames, List<String> ipAddresses, Timestamp notBefore, Timestamp notAfter, Expiry expiry,
			boolean notYetValid, ValidityBar validity, String key, String signatureAlgorithm, boolean selfSigned,
			List<ChainIssueView> issues) {

		private static final String DNS_PREFIX = "DNS:";

		private static final String IP_PREFIX = "IP:";

		CertificateView {
			dnsNames = List.copyOf(dnsNames);
			ipAddresses = List.copyOf(ipAddresses);
			issues = List.copyOf(issues);
		}

		static CertificateView of(CertificateInfo certificate, Instant now, ExpiryPolicy policy,
				List<ChainIssue> issues) {
			String key = (certificate.keySize() != null)
					? certificate.keyAlgorithm() + " " + certificate.keySize() + " bits" : certificate.keyAlgorithm();
			List<String> names = certificate.subjectAltNames();
			return new CertificateView(certificate.sha256(), PemFingerprint.sha1(certificate.pem()),
					certificate.subject(), certificate.issuer(), certificate.serialNumber(),
					names.stream()
						.filter((name) -> !name.startsWith(IP_PREFIX))
						.map((name) -> name.startsWith(DNS_PREFIX) ? name.substring(DNS_PREFIX.length()) : name)
						.toList(),
					names.stream()
						.filter((name) -> name.startsWith(IP_PREFIX))
						.map((name) -> name.substring(IP_PREFIX.length()))
						.toList(),
					Timestamp.of(certificate.notBefore()), Timestamp.of(certificate.notAfter()),
					Expiry.of(certificate.notBefore(), certificate.notAfter(), now, policy),
					certificate.notBefore().isAfter(now),
					ValidityBar.of(certificate.notBefore(), certificate.notAfter(), now, policy), key,
					certificate.signatureAlgorithm(), certificate.selfSigned(),
					issues.stream().map(ChainIssueView::of).toList());
		}

		public String shortFingerprint() {
			return EndpointPageView.shortFingerprint(this.sha256);
		}

	}

	/**
	 * One problem the chain analysis found with a certificate, in words.
	 *
	 * @param label a short name for the kind of problem, for example "Weak key"
	 * @param detail the analysis's sentence
	 */
	record ChainIssueView(String label, String detail) {

		static ChainIssueView of(ChainIssue issue) {
			return new ChainIssueView(label(issue.type()), issue.detail());
		}

		static String label(ChainIssue.Type type) {
			return switch (type) {
				case INCOMPLETE -> "Issuer missing";
				case WRONG_ORDER -> "Wrong order";
				case SELF_SIGNED_LEAF -> "Self-signed";
				case EXPIRED -> "Expired";
				case NOT_YET_VALID -> "Not yet valid";
				case WEAK_KEY -> "Weak key";
				case WEAK_SIGNATURE -> "Weak signature";
				case NO_SERVER_AUTH -> "Not for TLS servers";
			};
		}

	}

	/**
	 * A certificate's validity as a {@code <meter>}: days from {@code notBefore} to
	 * {@code notAfter}, today's position in it, and the spans of the endpoint's expiry
	 * policy (the first threshold and the critical span) as the meter's warning and
	 * critical ranges.
	 *
	 * @param totalDays the length of the validity period in days
	 * @param elapsedDays days since {@code notBefore}, between 0 and {@code totalDays}
	 * @param low where the warning range starts
	 * @param high where the critical range starts
	 * @param label the position in words, for screen readers
	 */
	record ValidityBar(double totalDays, double elapsedDays, double low, double high, String label) {

		private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

		static ValidityBar of(Instant notBefore, Instant notAfter, Instant now, ExpiryPolicy policy) {
			double total = Math.max(Duration.between(notBefore, notAfter).toSeconds() / SECONDS_PER_DAY, 0);
			double elapsed = Math.clamp(Duration.between(notBefore, now).toSeconds() / SECONDS_PER_DAY, 0, total);
			String label = now.isBefore(notBefore) ? "today is before its start"
					: now.isAfter(notAfter) ? "today is past its end" : "today is day %d of %d"
						.formatted((long) Math.floor(elapsed) + 1, Math.max((long) Math.ceil(total), 1));
			double warning = policy.warningSpan(notBefore, notAfter).toSeconds() / SECONDS_PER_DAY;
			double critical = policy.criticalWithin().toSeconds() / SECONDS_PER_DAY;
			return new ValidityBar(round(total), round(elapsed), round(Math.max(total - warning, 0)),
					round(Math.max(total - critical, 0)), label);
		}

		private static double round(double days) {
			return Math.round(days * 100) / 100.0;
		}

	}

	/**
	 * What one address answered.
	 *
	 * @param address the IP address, {@code null} when the name did not resolve
	 * @param outcome how the attempt ended
	 * @param error the error text, {@code null} when OK
	 * @param protocol negotiated protocol
	 * @param cipherSuite negotiated cipher suite
	 * @param handshakeMillis handshake time
	 * @param trust whether the chain is trusted
	 * @param trustError why not
	 * @param hostname whether the leaf matches the expected name
	 * @param leafFingerprint SHA-256 of the leaf sent, {@code null} if none
	 */
	record AddressRow(@Nullable String address, StatusBadge outcome, @Nullable String error, @Nullable String protocol,
			@Nullable String cipherSuite, @Nullable Integer handshakeMillis, StatusBadge trust,
			@Nullable String trustError, StatusBadge hostname, @Nullable String leafFingerprint) {

		static AddressRow of(AddressResult result) {
			CertificateInfo leaf = result.leaf();
			return new AddressRow(result.address(), StatusBadge.of(result.outcome()), result.error(), result.protocol(),
					result.cipherSuite(), result.handshakeMillis(), StatusBadge.of(result.trust()), result.trustError(),
					StatusBadge.hostname(result.hostnameMatches()), (leaf != null) ? leaf.sha256() : null);
		}

		public @Nullable String shortFingerprint() {
			return (this.leafFingerprint != null) ? EndpointPageView.shortFingerprint(this.leafFingerprint) : null;
		}

	}

	/**
	 * The vulnerability verdicts of one address: those found first, then those not
	 * tested, then those ruled out.
	 *
	 * @param address the address
	 * @param verdicts one per vulnerability
	 */
	record VulnerabilitiesRow(@Nullable String address, List<VulnerabilityDetails> verdicts) {

		VulnerabilitiesRow {
			verdicts = List.copyOf(verdicts);
		}

		static VulnerabilitiesRow of(AddressResult result) {
			return new VulnerabilitiesRow(result.address(),
					result.vulnerabilityDetails()
						.stream()
						.sorted(Comparator.comparingInt(VulnerabilitiesRow::rank))
						.toList());
		}

		private static int rank(VulnerabilityDetails verdict) {
			return switch (verdict.status()) {
				case "VULNERABLE" -> 0;
				case "NOT_TESTED" -> 1;
				default -> 2;
			};
		}

		/**
		 * How many were found.
		 * @return the number of vulnerable verdicts
		 */
		public long vulnerableCount() {
			return this.verdicts.stream().filter(VulnerabilityDetails::vulnerable).count();
		}

	}

	/**
	 * The revocation status of the chain one address sent.
	 *
	 * @param address the address
	 * @param status the status of the chain: the first revoked certificate, else the
	 * first unknown, else the leaf's
	 */
	record RevocationRow(@Nullable String address, RevocationDetails status) {

		static RevocationRow of(AddressResult result) {
			return new RevocationRow(result.address(), result.revocationDetails());
		}

		/**
		 * The badge class of a status.
		 * @param status the status
		 * @return a CSS class
		 */
		public static String badgeClass(RevocationDetails status) {
			return switch (status.status()) {
				case "GOOD" -> "badge badge--ok";
				case "REVOKED" -> "badge badge--critical";
				default -> "badge badge--neutral";
			};
		}

		/**
		 * A status in words.
		 * @param status the status
		 * @return for example "revoked (OCSP)"
		 */
		public static String label(RevocationDetails status) {
			String label = status.status().toLowerCase(Locale.ROOT).replace('_', ' ');
			return (status.source() != null) ? label + " (" + status.source() + ")" : label;
		}

	}

	/**
	 * OCSP stapling and HSTS of one address, in words.
	 *
	 * @param address the address
	 * @param stapling whether it staples, for example "OCSP response stapled"
	 * @param staplingProblem whether the leaf demands a staple the server did not send
	 * @param hsts its HSTS policy, for example "max-age=31536000, includeSubDomains"
	 * @param hstsProblem whether the policy is malformed
	 * @param clientCertificate whether it asks for a client certificate, and from which
	 * authorities, for example "Requested (CN=Client CA)"
	 * @param clientCertificateProblem whether the handshake failed for want of one
	 */
	record ExtrasRow(@Nullable String address, String stapling, boolean staplingProblem, String hsts,
			boolean hstsProblem, String clientCertificate, boolean clientCertificateProblem) {

		static ExtrasRow of(AddressResult result) {
			Boolean stapled = result.ocspStapled();
			String stapling = (stapled == null) ? "Not known"
					: stapled ? "OCSP response stapled" : "No OCSP response stapled";
			if (Boolean.TRUE.equals(result.chainReport().mustStaple())) {
				stapling += " · the certificate demands stapling (must-staple)";
			}
			HstsDetails hsts = result.hsts();
			return new ExtrasRow(result.address(), stapling, result.mustStapleWithoutStaple(), hsts(hsts),
					(hsts != null) && hsts.verdict() == Hsts.Verdict.MALFORMED, clientCertificate(result),
					result.clientCertificateRequired());
		}

		private static String clientCertificate(AddressResult result) {
			Boolean requested = result.clientCertificateRequested();
			if (requested == null) {
				return "Not known";
			}
			if (!requested) {
				return "Not requested";
			}
			String text = result.clientCertificateRequired() ? "Required, and the endpoint has none the server accepts"
					: "Requested";
			List<String> authorities = result.clientCertificateAuthorities();
			return authorities.isEmpty() ? text : text + " (from " + String.join("; ", authorities) + ")";
		}

		private static String hsts(@Nullable HstsDetails hsts) {
			if (hsts == null) {
				return "Not tested";
			}
			Hsts.Verdict verdict = hsts.verdict();
			if (verdict == null) {
				return (hsts.status() == Observed.Status.NOT_APPLICABLE) ? "Not applicable: " + hsts.detail()
						: "Could not test: " + hsts.detail();
			}
			return switch (verdict) {
				case ENABLED -> "max-age=" + hsts.maxAge() + (hsts.includeSubDomains() ? ", includeSubDomains" : "")
						+ (hsts.preload() ? ", preload" : "");
				case DISABLED -> "Switched off (max-age=0)";
				case ABSENT -> "No Strict-Transport-Security header";
				case MALFORMED -> "Invalid header, ignored by browsers: " + hsts.detail();
			};
		}

	}

	/**
	 * The cipher suites, groups and features of one address: one column of suites per
	 * accepted version, in the server's order, each coloured by its strength.
	 *
	 * @param address the address
	 * @param versions the accepted versions with their suites, newest first
	 * @param groups the key exchange groups accepted
	 * @param postQuantum whether a post-quantum hybrid group is accepted
	 * @param features the features in words, for example "ALPN h2, http/1.1"
	 */
	record SuitesRow(@Nullable String address, List<CipherSupport.VersionSuites> versions, List<String> groups,
			boolean postQuantum, List<String> features) {

		SuitesRow {
			versions = List.copyOf(versions);
			groups = List.copyOf(groups);
			features = List.copyOf(features);
		}

		static SuitesRow of(AddressResult result) {
			CipherSupport support = Objects.requireNonNull(result.cipherSupport());
			return new SuitesRow(result.address(), support.suites(),
					support.groups().stream().map(CipherSupport.Group::name).toList(), support.postQuantum(),
					features(support.features()));
		}

		private static List<String> features(CipherSupport.@Nullable Features features) {
			if (features == null) {
				return List.of();
			}
			List<String> words = new ArrayList<>();
			if (features.alpn() != null) {
				words.add(features.alpn().isEmpty() ? "no ALPN" : "ALPN " + String.join(", ", features.alpn()));
			}
			words.add(known(features.secureRenegotiation(), "secure renegotiation", "no secure renegotiation"));
			words.add(known(features.fallbackScsv(), "TLS_FALLBACK_SCSV honoured", "TLS_FALLBACK_SCSV ignored"));
			words.add(known(features.compression(), "TLS compression (CRIME)", "no TLS compression"));
			return words.stream().filter((word) -> !word.isEmpty()).toList();
		}

		private static String known(@Nullable Boolean value, String yes, String no) {
			return (value == null) ? "" : value ? yes : no;
		}

		/** The CSS class of a suite's strength. */
		public static String strengthClass(CipherStrength strength) {
			return switch (strength) {
				case STRONG -> "badge badge--ok";
				case WEAK -> "badge badge--warning";
				case INSECURE, SIGNALLING -> "badge badge--critical";
			};
		}

		/** A suite's strength as the page shows it ({@code strong}). */
		public static String strengthLabel(CipherStrength strength) {
			return strength.name().toLowerCase(Locale.ROOT);
		}

		/** Whose order a version's suites are listed in, as the page says it. */
		public static String orderLabel(ServerOrder order) {
			return switch (order) {
				case SERVER -> "(server order)";
				case CLIENT -> "(client order)";
				case UNKNOWN -> "";
			};
		}

	}

	/**
	 * The grade of one address with everything that capped it.
	 *
	 * @param address the address
	 * @param letter the grade
	 * @param tone {@code ok} for A grades, {@code warning} for B, {@code critical} below
	 * @param ignoringTrust the grade were the certificate trusted, {@code null} when the
	 * same
	 * @param score the score, trust aside
	 * @param reasons why, worst first, each with the best grade it allows
	 * @param connections connections the probe used
	 */
	record GradeRow(@Nullable String address, String letter, String tone, @Nullable String ignoringTrust, double score,
			List<ReasonRow> reasons, int connections) {

		GradeRow {
			reasons = List.copyOf(reasons);
		}

		static GradeRow of(AddressResult result) {
			GradeDetails grade = Objects.requireNonNull(result.grade());
			String letter = grade.letter().displayName();
			String ignoring = (grade.ignoringTrust() == grade.letter()) ? null : grade.ignoringTrust().displayName();
			return new GradeRow(result.address(), letter, tone(grade.letter()), ignoring, grade.score(),
					grade.reasons()
						.stream()
						.map((reason) -> new ReasonRow(reason.cap().displayName(), reason.text()))
						.toList(),
					result.connections());
		}

		static String tone(GradeLetter letter) {
			return switch (letter) {
				case A_PLUS, A, A_MINUS -> "ok";
				case B -> "warning";
				case C, D, E, F, T, M -> "critical";
			};
		}

		public String cssClass() {
			return "grade grade--" + this.tone;
		}

	}

	/**
	 * One reason of a grade.
	 *
	 * @param cap the best grade it allows ({@code A-})
	 * @param text a sentence for users
	 */
	record ReasonRow(String cap, String text) {
	}

	/**
	 * The protocol versions of one address: the accepted ones, deprecated ones marked,
	 * and the ones that could not be tested as "?" with the reason in the tooltip.
	 * Refused versions are left out.
	 *
	 * @param address the IP address
	 * @param versions one badge per version accepted or not known, oldest first
	 */
	record VersionsRow(@Nullable String address, List<StatusBadge> versions) {

		VersionsRow {
			versions = List.copyOf(versions);
		}

		static VersionsRow of(AddressResult result) {
			return new VersionsRow(result.address(),
					result.versions()
						.stream()
						.filter((version) -> version.verdict() != VersionVerdict.REJECTED)
						.map(VersionsRow::badge)
						.toList());
		}

		private static StatusBadge badge(VersionSupport result) {
			String name = result.version().displayName();
			String detail = (result.detail() != null) ? result.detail() : "";
			return switch (result.verdict()) {
				case ACCEPTED -> result.version().prohibited()
						? new StatusBadge(name + " (prohibited)", "critical", "Accepted, though prohibited: " + detail)
						: result.version().deprecated()
								? new StatusBadge(name + " (deprecated)", "warning",
										"Accepted, though deprecated: " + detail)
								: new StatusBadge(name, "ok", "Accepted: " + detail);
				case TIMEOUT, ERROR -> new StatusBadge(name + " ?", "muted", "Could not test: " + detail);
				case REJECTED -> new StatusBadge(name, "muted", "Refused: " + detail);
			};
		}

	}

	/**
	 * One finding of the latest scan.
	 *
	 * @param severity how urgent
	 * @param code what was found
	 * @param address the address concerned, {@code null} for the whole endpoint
	 * @param message a sentence for users
	 */
	record FindingRow(StatusBadge severity, String code, @Nullable String address, String message) {

		static FindingRow of(FindingDetails finding) {
			return new FindingRow(StatusBadge.of(finding.severity()), finding.code(), finding.address(),
					finding.message());
		}

	}

	/**
	 * One scan in the history table.
	 *
	 * @param id the scan
	 * @param finishedAt when it finished
	 * @param trigger why it ran
	 * @param outcome how it ended
	 * @param protocol negotiated protocol of the address shown
	 * @param leafFingerprint SHA-256 of its leaf certificate
	 * @param leafFingerprintShort the first hex digits of it
	 * @param error the error text
	 * @param kind "Quick check" or "Full probe"
	 */
	record HistoryRow(long id, Timestamp finishedAt, String trigger, StatusBadge outcome, @Nullable String protocol,
			@Nullable String leafFingerprint, @Nullable String leafFingerprintShort, @Nullable String error,
			String kind) {
	}

}

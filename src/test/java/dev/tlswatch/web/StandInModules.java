package dev.tlswatch.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

import dev.tlswatch.endpoint.DuplicateEndpointException;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.EndpointNotFoundException;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.CertificateDetails;
import dev.tlswatch.scan.LatestScanSummary;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanOutcome;
import dev.tlswatch.scan.ScanTrigger;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.scan.TrustResult;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * In-memory stand-ins for the endpoint registry and the scan and finding modules, for
 * browser tests of the dashboard while those modules' implementations are written on
 * other branches. "Scanning" is one real TLS handshake with 127.0.0.1, so what the pages
 * show comes from the test's server as it will with the real modules; the judgement is a
 * crude version of the finding rules. Delete this class once the real beans are merged
 * (see {@link DashboardBrowserTests}).
 */
final class StandInModules implements Endpoints, Scans, Findings {

	private static final HexFormat HEX = HexFormat.of();

	private final X509Certificate trustedCa;

	private final Clock clock;

	private final AtomicLong ids = new AtomicLong();

	private final Map<Long, EndpointDetails> endpoints = new LinkedHashMap<>();

	private final Map<Long, List<ScanDetails>> scans = new LinkedHashMap<>();

	StandInModules(X509Certificate trustedCa, Clock clock) {
		this.trustedCa = trustedCa;
		this.clock = clock;
	}

	// Endpoints

	@Override
	public synchronized EndpointDetails register(EndpointDraft draft) {
		String host = draft.host().toLowerCase(Locale.ROOT);
		int port = draft.port();
		this.endpoints.values()
			.stream()
			.filter((e) -> e.host().equals(host) && e.port() == port && Objects.equals(e.sniName(), draft.sniName()))
			.findFirst()
			.ifPresent((existing) -> {
				throw new DuplicateEndpointException(existing.displayName(), existing.id());
			});
		Instant now = this.clock.instant();
		EndpointDetails endpoint = new EndpointDetails(this.ids.incrementAndGet(), host, port,
				(draft.tlsMode() != null) ? draft.tlsMode() : TlsMode.IMPLICIT, draft.sniName(),
				(draft.scanIntervalMinutes() != null) ? draft.scanIntervalMinutes() : 60,
				(draft.enabled() != null) ? draft.enabled() : true,
				(draft.tags() != null) ? draft.tags().stream().sorted().toList() : List.of(), now, now);
		this.endpoints.put(endpoint.id(), endpoint);
		return endpoint;
	}

	@Override
	public EndpointDetails update(long id, EndpointDraft draft) {
		throw new UnsupportedOperationException("Not needed by the dashboard tests");
	}

	@Override
	public synchronized void delete(long id) {
		if (this.endpoints.remove(id) == null) {
			throw new EndpointNotFoundException(id);
		}
		this.scans.remove(id);
	}

	@Override
	public synchronized Optional<EndpointDetails> find(long id) {
		return Optional.ofNullable(this.endpoints.get(id));
	}

	@Override
	public synchronized Page<EndpointDetails> list(Pageable pageable) {
		List<EndpointDetails> all = this.endpoints.values()
			.stream()
			.sorted(Comparator.comparing(EndpointDetails::host).thenComparing(EndpointDetails::port))
			.toList();
		int from = (int) Math.min(pageable.getOffset(), all.size());
		int to = Math.min(from + pageable.getPageSize(), all.size());
		return new PageImpl<>(all.subList(from, to), pageable, all.size());
	}

	// Scans

	@Override
	public ScanDetails scanNow(long endpointId) {
		EndpointDetails endpoint = get(endpointId);
		Instant startedAt = this.clock.instant();
		AddressResult result = handshake(endpoint);
		ScanDetails scan;
		synchronized (this) {
			List<ScanDetails> history = this.scans.computeIfAbsent(endpointId, (id) -> new ArrayList<>());
			scan = new ScanDetails(1000L * endpointId + history.size(), endpointId, ScanTrigger.MANUAL, startedAt,
					this.clock.instant(), result.outcome(), result.error(), List.of(result));
			history.add(0, scan);
		}
		return scan;
	}

	@Override
	public synchronized Page<ScanDetails> history(long endpointId, Pageable pageable) {
		List<ScanDetails> all = this.scans.getOrDefault(endpointId, List.of());
		int from = (int) Math.min(pageable.getOffset(), all.size());
		int to = Math.min(from + pageable.getPageSize(), all.size());
		return new PageImpl<>(List.copyOf(all.subList(from, to)), pageable, all.size());
	}

	@Override
	public synchronized Optional<ScanDetails> latest(long endpointId) {
		return this.scans.getOrDefault(endpointId, List.of()).stream().findFirst();
	}

	@Override
	public synchronized Map<Long, LatestScanSummary> latestSummaries(Collection<Long> endpointIds) {
		Map<Long, LatestScanSummary> summaries = new LinkedHashMap<>();
		for (long id : endpointIds) {
			latest(id).ifPresent((scan) -> {
				AddressResult result = scan.results().get(0);
				CertificateDetails leaf = result.leaf();
				summaries.put(id, new LatestScanSummary(id, scan.id(), scan.finishedAt(), scan.outcome(),
						result.protocol(), result.cipherSuite(), (leaf != null) ? leaf.notAfter() : null));
			});
		}
		return summaries;
	}

	@Override
	public synchronized Optional<CertificateDetails> certificate(String sha256) {
		return this.scans.values()
			.stream()
			.flatMap(List::stream)
			.flatMap((scan) -> scan.results().stream())
			.flatMap((result) -> result.chain().stream())
			.filter((certificate) -> certificate.sha256().equals(sha256))
			.findFirst();
	}

	// Findings

	@Override
	public List<FindingDetails> forScan(long scanId) {
		Optional<ScanDetails> scan;
		synchronized (this) {
			scan = this.scans.values().stream().flatMap(List::stream).filter((s) -> s.id() == scanId).findFirst();
		}
		return scan.map(this::judge).orElse(List.of());
	}

	@Override
	public Map<Long, EndpointStatus> statusOf(Collection<Long> endpointIds) {
		Map<Long, EndpointStatus> statuses = new LinkedHashMap<>();
		for (long id : endpointIds) {
			statuses.put(id, latest(id).map(this::status).orElse(EndpointStatus.PENDING));
		}
		return statuses;
	}

	private EndpointStatus status(ScanDetails scan) {
		if (scan.outcome() != ScanOutcome.OK) {
			return (scan.outcome() == ScanOutcome.TLS_FAILURE) ? EndpointStatus.CRITICAL : EndpointStatus.UNREACHABLE;
		}
		Severity worst = judge(scan).stream().map(FindingDetails::severity).max(Comparator.naturalOrder()).orElse(null);
		if (worst == Severity.CRITICAL) {
			return EndpointStatus.CRITICAL;
		}
		return (worst == Severity.WARNING) ? EndpointStatus.WARNING : EndpointStatus.OK;
	}

	private List<FindingDetails> judge(ScanDetails scan) {
		List<FindingDetails> findings = new ArrayList<>();
		AddressResult result = scan.results().get(0);
		CertificateDetails leaf = result.leaf();
		if (scan.outcome() != ScanOutcome.OK || leaf == null) {
			findings.add(new FindingDetails("UNREACHABLE", Severity.CRITICAL, result.address(),
					"No TLS handshake: " + scan.error()));
			return findings;
		}
		Duration left = Duration.between(this.clock.instant(), leaf.notAfter());
		if (left.isNegative()) {
			findings.add(new FindingDetails("CERT_EXPIRED", Severity.CRITICAL, null, "The certificate has expired."));
		}
		else if (left.toDays() < 7) {
			findings.add(new FindingDetails("CERT_EXPIRES_SOON", Severity.CRITICAL, null,
					"The certificate expires in " + left.toDays() + " days."));
		}
		else if (left.toDays() < 30) {
			findings.add(new FindingDetails("CERT_EXPIRES_SOON", Severity.WARNING, null,
					"The certificate expires in " + left.toDays() + " days."));
		}
		if (result.trust() == TrustResult.UNTRUSTED) {
			findings.add(new FindingDetails("CHAIN_UNTRUSTED", Severity.CRITICAL, null,
					"The chain does not lead to a trusted root."));
		}
		findings.sort(Comparator.comparing(FindingDetails::severity).reversed());
		return findings;
	}

	// The stand-in probe: one handshake, trusting anything, then judged by hand.

	private AddressResult handshake(EndpointDetails endpoint) {
		String address = "127.0.0.1";
		long start = System.nanoTime();
		try (Socket tcp = new Socket()) {
			tcp.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 2000);
			int connectMillis = (int) Duration.ofNanos(System.nanoTime() - start).toMillis();
			address = tcp.getInetAddress().getHostAddress();
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { new TrustEverything() }, null);
			SSLSocket tls = (SSLSocket) context.getSocketFactory()
				.createSocket(tcp, endpoint.effectiveName(), endpoint.port(), false);
			if (!endpoint.effectiveName().matches("[0-9.]+|.*:.*")) {
				SSLParameters parameters = tls.getSSLParameters();
				parameters.setServerNames(List.of(new SNIHostName(endpoint.effectiveName())));
				tls.setSSLParameters(parameters);
			}
			tls.setSoTimeout(5000);
			long handshakeStart = System.nanoTime();
			tls.startHandshake();
			int handshakeMillis = (int) Duration.ofNanos(System.nanoTime() - handshakeStart).toMillis();
			SSLSession session = tls.getSession();
			List<CertificateDetails> chain = new ArrayList<>();
			for (Certificate certificate : session.getPeerCertificates()) {
				chain.add(details((X509Certificate) certificate));
			}
			X509Certificate leaf = (X509Certificate) session.getPeerCertificates()[0];
			TrustResult trust = trust(leaf);
			return new AddressResult(address, ScanOutcome.OK, null, session.getProtocol(), session.getCipherSuite(),
					connectMillis, handshakeMillis, trust,
					(trust == TrustResult.UNTRUSTED) ? "Not issued by the test CA" : null,
					chain.get(0).subjectAltNames().contains("DNS:" + endpoint.effectiveName()), chain);
		}
		catch (ConnectException ex) {
			return failed(address, ScanOutcome.CONNECTION_REFUSED, "Connection refused: " + ex.getMessage());
		}
		catch (SocketTimeoutException ex) {
			return failed(address, ScanOutcome.TIMEOUT, "Timed out: " + ex.getMessage());
		}
		catch (IOException | GeneralSecurityException ex) {
			return failed(address, ScanOutcome.TLS_FAILURE, ex.toString());
		}
	}

	private TrustResult trust(X509Certificate leaf) {
		try {
			leaf.verify(this.trustedCa.getPublicKey());
		}
		catch (GeneralSecurityException ex) {
			return TrustResult.UNTRUSTED;
		}
		Instant now = this.clock.instant();
		if (now.isAfter(leaf.getNotAfter().toInstant())) {
			return TrustResult.EXPIRED;
		}
		return now.isBefore(leaf.getNotBefore().toInstant()) ? TrustResult.NOT_YET_VALID : TrustResult.TRUSTED;
	}

	private static AddressResult failed(String address, ScanOutcome outcome, String error) {
		return new AddressResult(address, outcome, error, null, null, null, null, TrustResult.UNKNOWN, null, null,
				List.of());
	}

	private static CertificateDetails details(X509Certificate certificate)
			throws GeneralSecurityException, IOException {
		byte[] der = certificate.getEncoded();
		List<String> names = new ArrayList<>();
		if (certificate.getSubjectAlternativeNames() != null) {
			for (List<?> name : certificate.getSubjectAlternativeNames()) {
				int type = (Integer) name.get(0);
				if (type == 2 || type == 7) {
					names.add(((type == 2) ? "DNS:" : "IP:") + name.get(1));
				}
			}
		}
		// RFC 1779 quotes values instead of escaping them with backslashes as RFC 2253
		// does, so markup in a name arrives unchanged: the hostile case the page must
		// escape.
		return new CertificateDetails(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(der)),
				certificate.getSubjectX500Principal().getName(X500Principal.RFC1779),
				certificate.getIssuerX500Principal().getName(X500Principal.RFC1779),
				certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), names,
				certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
				certificate.getPublicKey().getAlgorithm(), keySize(certificate), certificate.getSigAlgName(),
				certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()),
				TestTlsServer.pem(certificate));
	}

	private static Integer keySize(X509Certificate certificate) {
		return switch (certificate.getPublicKey()) {
			case RSAPublicKey rsa -> rsa.getModulus().bitLength();
			case ECPublicKey ec -> ec.getParams().getCurve().getField().getFieldSize();
			default -> null;
		};
	}

	private static final class TrustEverything implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
			// Never used: this is a client.
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
			// The stand-in judges trust itself after the handshake.
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}

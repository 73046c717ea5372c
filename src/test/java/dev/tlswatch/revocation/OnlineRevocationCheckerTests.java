package dev.tlswatch.revocation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.OcspStaple;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.Revocation.Source;
import dev.tlswatch.probe.Revocation.Status;
import dev.tlswatch.probe.RevocationChecker;
import dev.tlswatch.probe.RevocationReport;
import dev.tlswatch.probe.cert.ChainAnalysis;
import dev.tlswatch.support.MovableClock;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestRevocationServer;
import dev.tlswatch.support.TestTcpServer;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The revocation check against an in-process OCSP responder and CRL server on loopback.
 */
class OnlineRevocationCheckerTests {

	private static final AddressGuard LOOPBACK_ALLOWED = (address) -> null;

	private static final Instant REVOKED_AT = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

	private final MovableClock clock = new MovableClock();

	private Issued root;

	private TestRevocationServer server;

	@BeforeEach
	void start() {
		this.root = TestCertificates.rootCa("Revocation Test Root");
		this.server = TestRevocationServer.start(this.root);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void leafNotRevokedIsGoodFromOcsp() {
		Issued withOcsp = TestCertificates.leaf("localhost").ocspResponder(this.server.ocspUrl()).issuedBy(this.root);

		RevocationReport report = checker().check(infos(withOcsp), List.of(), options());

		assertThat(report.certificates()).hasSize(1);
		assertThat(report.summary().status()).isEqualTo(Status.GOOD);
		assertThat(report.summary().source()).isEqualTo(Source.OCSP);
		assertThat(this.server.ocspRequests()).isEqualTo(1);
	}

	@Test
	void revokedLeafIsRevokedWithReasonAndDateFromOcsp() {
		Issued leaf = TestCertificates.leaf("localhost").ocspResponder(this.server.ocspUrl()).issuedBy(this.root);
		this.server.revoke(leaf.certificate(), CRLReason.keyCompromise, REVOKED_AT);

		Revocation revocation = checker().check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.REVOKED);
		assertThat(revocation.source()).isEqualTo(Source.OCSP);
		assertThat(revocation.reason()).isEqualTo("keyCompromise");
		assertThat(revocation.revokedAt()).isEqualTo(REVOKED_AT);
	}

	@Test
	void revokedLeafIsRevokedFromTheCrlWhenThereIsNoResponder() {
		Issued leaf = TestCertificates.leaf("localhost").crlDistributionPoint(this.server.crlUrl()).issuedBy(this.root);
		this.server.revoke(leaf.certificate(), CRLReason.superseded, REVOKED_AT);

		Revocation revocation = checker().check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.REVOKED);
		assertThat(revocation.source()).isEqualTo(Source.CRL);
		assertThat(revocation.reason()).isEqualTo("superseded");
		assertThat(revocation.revokedAt()).isEqualTo(REVOKED_AT);
		assertThat(this.server.crlRequests()).isEqualTo(1);
	}

	@Test
	void certificateNotOnTheCrlIsGood() {
		Issued leaf = TestCertificates.leaf("localhost").crlDistributionPoint(this.server.crlUrl()).issuedBy(this.root);

		Revocation revocation = checker().check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.GOOD);
		assertThat(revocation.source()).isEqualTo(Source.CRL);
	}

	@Test
	void revokedIntermediateMakesTheChainRevoked() {
		Issued intermediate = TestCertificates.intermediateCa("Revoked Intermediate", this.root, null,
				this.server.crlUrl());
		Issued leaf = TestCertificates.localhost(intermediate);
		this.server.revoke(intermediate.certificate(), CRLReason.cACompromise, REVOKED_AT);

		RevocationReport report = checker().check(infos(leaf), List.of(), options());

		assertThat(report.certificates()).extracting(Revocation::status)
			.containsExactly(Status.UNKNOWN, Status.REVOKED);
		assertThat(report.forCertificate(0).detail()).contains("no pointer");
		assertThat(report.summary().status()).isEqualTo(Status.REVOKED);
		assertThat(report.summary().reason()).isEqualTo("cACompromise");
	}

	@Test
	void certificateWithoutPointersIsUnknownWithWhy() {
		Issued leaf = TestCertificates.localhost(this.root);

		Revocation revocation = checker().check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.UNKNOWN);
		assertThat(revocation.source()).isNull();
		assertThat(revocation.detail()).contains("no pointer");
	}

	@Test
	void hangingResponderIsUnknownAfterTheTimeout() {
		Issued leaf = TestCertificates.leaf("localhost").ocspResponder(this.server.ocspUrl()).issuedBy(this.root);
		this.server.hang();
		OnlineRevocationChecker checker = new OnlineRevocationChecker(
				RevocationLimits.of(Duration.ofSeconds(5), Duration.ofMillis(300)), LOOPBACK_ALLOWED);

		Revocation revocation = checker.check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.UNKNOWN);
		assertThat(revocation.detail()).contains("timed out");
	}

	@Test
	void responseSignedByAnotherKeyIsABadSignature() {
		Issued leaf = TestCertificates.leaf("localhost").ocspResponder(this.server.ocspUrl()).issuedBy(this.root);
		Issued impostor = TestCertificates.rootCa("Revocation Test Root");
		this.server.signWith(new Issued(this.root.certificate(), impostor.key(), List.of(this.root.certificate())));

		Revocation revocation = checker().check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.UNKNOWN);
		assertThat(revocation.detail()).contains("bad signature");
	}

	@Test
	void crlSignedByAnotherKeyIsABadSignature() {
		Issued leaf = TestCertificates.leaf("localhost").crlDistributionPoint(this.server.crlUrl()).issuedBy(this.root);
		Issued impostor = TestCertificates.rootCa("Revocation Test Root");
		try (TestRevocationServer other = TestRevocationServer.start(impostor)) {
			this.server.serveCrl(other.crl());
		}

		Revocation revocation = checker().check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.UNKNOWN);
		assertThat(revocation.detail()).contains("bad signature");
	}

	@Test
	void responderWithoutTheCasDelegationIsUnauthorised() {
		Issued leaf = TestCertificates.leaf("localhost").ocspResponder(this.server.ocspUrl()).issuedBy(this.root);
		Issued otherCa = TestCertificates.rootCa("Other Root");
		this.server.signWith(TestCertificates.ocspResponder("Foreign Responder", otherCa));

		Revocation revocation = checker().check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.UNKNOWN);
		assertThat(revocation.detail()).contains("unauthorised responder");
	}

	@Test
	void certificateOfTheCaWithoutTheOcspSigningPurposeIsUnauthorised() {
		Issued leaf = TestCertificates.leaf("localhost").ocspResponder(this.server.ocspUrl()).issuedBy(this.root);
		this.server.signWith(TestCertificates.leaf("Not A Responder").issuedBy(this.root));

		Revocation revocation = checker().check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.UNKNOWN);
		assertThat(revocation.detail()).contains("unauthorised responder").contains("id-kp-OCSPSigning");
	}

	@Test
	void delegatedResponderOfTheCaIsAccepted() {
		Issued leaf = TestCertificates.leaf("localhost").ocspResponder(this.server.ocspUrl()).issuedBy(this.root);
		this.server.signWith(TestCertificates.ocspResponder("Delegated Responder", this.root));
		this.server.revoke(leaf.certificate(), CRLReason.keyCompromise, REVOKED_AT);

		Revocation revocation = checker().check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.REVOKED);
		assertThat(revocation.source()).isEqualTo(Source.OCSP);
	}

	@Test
	void forbiddenAddressIsNeverContacted() {
		Issued leaf = TestCertificates.leaf("localhost")
			.ocspResponder(this.server.ocspUrl())
			.crlDistributionPoint(this.server.crlUrl())
			.issuedBy(this.root);
		AddressGuard denyLoopback = (address) -> address.isLoopbackAddress() ? "loopback denied by allow-loopback"
				: null;
		OnlineRevocationChecker checker = new OnlineRevocationChecker(
				RevocationLimits.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), denyLoopback);

		Revocation revocation = checker.check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.UNKNOWN);
		assertThat(revocation.detail()).contains("forbidden address").contains("allow-loopback");
		assertThat(this.server.ocspRequests()).isZero();
		assertThat(this.server.crlRequests()).isZero();
	}

	@Test
	void oversizedCrlIsNotRead() {
		Issued leaf = TestCertificates.leaf("localhost").crlDistributionPoint(this.server.crlUrl()).issuedBy(this.root);
		this.server.serveCrl(new byte[64 * 1024]);
		OnlineRevocationChecker checker = new OnlineRevocationChecker(
				RevocationLimits.of(Duration.ofSeconds(2), Duration.ofSeconds(5)).withMaxCrlBytes(32 * 1024),
				LOOPBACK_ALLOWED);

		Revocation revocation = checker.check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.UNKNOWN);
		assertThat(revocation.detail()).contains("too large");
	}

	@Test
	void defaultCrlLimitIsTenMebibytes() {
		assertThat(RevocationLimits.of(Duration.ofSeconds(1), Duration.ofSeconds(1)).maxCrlBytes())
			.isEqualTo(10L * 1024 * 1024);
	}

	@Test
	void validStapleIsUsedWithoutAFetch() {
		Issued leaf = TestCertificates.leaf("localhost").ocspResponder(this.server.ocspUrl()).issuedBy(this.root);
		this.server.revoke(leaf.certificate(), CRLReason.keyCompromise, REVOKED_AT);
		OcspStaple staple = new OcspStaple(0, this.server.ocspResponseFor(leaf.certificate()));

		Revocation revocation = checker().check(infos(leaf), List.of(staple), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.REVOKED);
		assertThat(revocation.source()).isEqualTo(Source.STAPLE);
		assertThat(this.server.ocspRequests()).isZero();
	}

	@Test
	void staleStapleIsRejectedAndTheResponderAsked() {
		Issued leaf = TestCertificates.leaf("localhost").ocspResponder(this.server.ocspUrl()).issuedBy(this.root);
		OcspStaple stale = new OcspStaple(0,
				this.server.ocspResponseFor(leaf.certificate(), Instant.now().minus(Duration.ofDays(3))));

		Revocation revocation = checker().check(infos(leaf), List.of(stale), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.GOOD);
		assertThat(revocation.source()).isEqualTo(Source.OCSP);
		assertThat(this.server.ocspRequests()).isEqualTo(1);
	}

	@Test
	void staleStapleAloneIsUnknownSayingWhy() {
		Issued leaf = TestCertificates.localhost(this.root);
		OcspStaple stale = new OcspStaple(0,
				this.server.ocspResponseFor(leaf.certificate(), Instant.now().minus(Duration.ofDays(3))));

		Revocation revocation = checker().check(infos(leaf), List.of(stale), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.UNKNOWN);
		assertThat(revocation.detail()).contains("stapled response rejected: stale");
	}

	@Test
	void stapleAboutAnotherCertificateIsRejected() {
		Issued leaf = TestCertificates.localhost(this.root);
		Issued other = TestCertificates.localhost(this.root);
		OcspStaple wrong = new OcspStaple(0, this.server.ocspResponseFor(other.certificate()));

		Revocation revocation = checker().check(infos(leaf), List.of(wrong), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.UNKNOWN);
		assertThat(revocation.detail()).contains("stapled response rejected: wrong certificate id");
	}

	@Test
	void stapleThatIsNotAnOcspResponseIsRejected() {
		Issued leaf = TestCertificates.localhost(this.root);

		Revocation revocation = checker()
			.check(infos(leaf), List.of(new OcspStaple(0, new byte[] { 0x30, 0x03, 0x0a, 0x01, 0x00 })), options())
			.summary();

		assertThat(revocation.status()).isEqualTo(Status.UNKNOWN);
		assertThat(revocation.detail()).contains("stapled response rejected");
	}

	@Test
	void answersAreCachedUntilNextUpdate() {
		Issued leaf = TestCertificates.leaf("localhost").ocspResponder(this.server.ocspUrl()).issuedBy(this.root);
		Issued crlLeaf = TestCertificates.leaf("localhost")
			.crlDistributionPoint(this.server.crlUrl())
			.issuedBy(this.root);
		OnlineRevocationChecker checker = checker();

		checker.check(infos(leaf), List.of(), options());
		checker.check(infos(crlLeaf), List.of(), options());
		checker.check(infos(leaf), List.of(), options());
		checker.check(infos(crlLeaf), List.of(), options());
		assertThat(this.server.ocspRequests()).isEqualTo(1);
		assertThat(this.server.crlRequests()).isEqualTo(1);
		assertThat(checker.fetches()).isEqualTo(2);

		this.clock.advance(Duration.ofHours(2));
		checker.check(infos(leaf), List.of(), options());
		checker.check(infos(crlLeaf), List.of(), options());
		assertThat(this.server.ocspRequests()).isEqualTo(2);
		assertThat(this.server.crlRequests()).isEqualTo(2);
	}

	@Test
	void unknownToTheResponderFallsBackToTheCrl() {
		Issued leaf = TestCertificates.leaf("localhost")
			.ocspResponder(this.server.ocspUrl())
			.crlDistributionPoint(this.server.crlUrl())
			.issuedBy(this.root);
		this.server.markUnknown(leaf.certificate());

		Revocation revocation = checker().check(infos(leaf), List.of(), options()).summary();

		assertThat(revocation.status()).isEqualTo(Status.GOOD);
		assertThat(revocation.source()).isEqualTo(Source.CRL);
	}

	@Test
	void selfSignedCertificateIsNotChecked() {
		Issued leaf = TestCertificates.localhost(this.root);

		RevocationReport report = checker().check(ChainAnalysis.of(leaf.chain(), "localhost", options()).chain(),
				List.of(), options());

		assertThat(report.certificates()).extracting(Revocation::status)
			.containsExactly(Status.UNKNOWN, Status.NOT_CHECKED);
	}

	@Test
	void switchedOffChecksNothing() {
		Issued leaf = TestCertificates.leaf("localhost").ocspResponder(this.server.ocspUrl()).issuedBy(this.root);

		RevocationReport report = RevocationChecker.OFF.check(infos(leaf), List.of(), options());

		assertThat(report.summary().status()).isEqualTo(Status.NOT_CHECKED);
		assertThat(report.summary().detail()).contains("switched off");
		assertThat(this.server.ocspRequests()).isZero();
	}

	@Test
	void onlyHttpUrlsAreFetched() {
		HttpFetch fetch = new HttpFetch(LOOPBACK_ALLOWED,
				RevocationLimits.of(Duration.ofSeconds(1), Duration.ofSeconds(1)));

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetch.get(URI.create("file:///etc/passwd"), 100))
			.withMessageContaining("not an http URL");
	}

	@Test
	void redirectsAreNotFollowed() throws Exception {
		try (TestTcpServer redirecting = TestTcpServer.start((socket) -> {
			socket.getInputStream().read(new byte[1024]);
			socket.getOutputStream()
				.write("HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/\r\nContent-Length: 0\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
		})) {
			HttpFetch fetch = new HttpFetch(LOOPBACK_ALLOWED,
					RevocationLimits.of(Duration.ofSeconds(2), Duration.ofSeconds(2)));

			assertThatExceptionOfType(FetchException.class)
				.isThrownBy(() -> fetch.get(URI.create("http://127.0.0.1:" + redirecting.port() + "/crl"), 100))
				.withMessageContaining("redirect not followed");
		}
	}

	private OnlineRevocationChecker checker() {
		return new OnlineRevocationChecker(RevocationLimits.of(Duration.ofSeconds(5), Duration.ofSeconds(10)),
				LOOPBACK_ALLOWED);
	}

	private ProbeOptions options() {
		return ProbeOptions.defaults().withClock(this.clock).withExtraTrustAnchors(List.of(this.root.certificate()));
	}

	/** The chain as a server sends it: without the root. */
	private List<CertificateInfo> infos(Issued issued) {
		List<X509Certificate> chain = issued.chainWithoutRoot();
		return ChainAnalysis.of(chain, "localhost", options()).chain();
	}

}

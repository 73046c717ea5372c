package dev.tlswatch.probe.cert;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.tlswatch.probe.AddressPolicy;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leaf sent without its issuer, whose caIssuers URL points at an in-process HTTP
 * server: the fetched issuer tells a missing intermediate from an untrusted root, and no
 * address the policy denies is contacted.
 */
class IssuerFetchTests {

	private static final AddressPolicy ALLOW_ALL = (address) -> null;

	private static final AddressPolicy DENY_LOOPBACK = (address) -> address.isLoopbackAddress()
			? "127.0.0.1 is a loopback address" : null;

	private final AtomicInteger requests = new AtomicInteger();

	private HttpServer http;

	private byte[] served = new byte[0];

	@BeforeEach
	void startHttp() throws IOException {
		this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.http.createContext("/issuer.cer", (exchange) -> {
			this.requests.incrementAndGet();
			exchange.sendResponseHeaders(200, this.served.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(this.served);
			}
		});
		this.http.start();
	}

	@AfterEach
	void stopHttp() {
		this.http.stop(0);
	}

	@Test
	void aMissingIntermediateIsFetchedAndTheChainIsTrustedButIncomplete() throws Exception {
		Issued root = TestCertificates.rootCa("Fetch Test Root");
		Issued intermediate = TestCertificates.intermediateCa("Fetch Test Intermediate", root);
		Issued leaf = leafPointingAt(url("/issuer.cer"), intermediate);
		this.served = intermediate.certificate().getEncoded();

		ChainAnalysis analysis = ChainAnalysis.of(List.of(leaf.certificate()), "localhost",
				options(root).withIssuerFetch(ALLOW_ALL));

		assertThat(this.requests).hasValue(1);
		assertThat(analysis.trust()).isEqualTo(TrustStatus.TRUSTED);
		assertThat(analysis.report().issues()).filteredOn((issue) -> issue.type() == ChainIssue.Type.INCOMPLETE)
			.extracting(ChainIssue::detail)
			.containsExactly("The issuer of CN=localhost (CN=Fetch Test Intermediate) was not sent: it is the"
					+ " intermediate CN=Fetch Test Intermediate, fetched from its caIssuers URL.");
	}

	@Test
	void aPkcs7BundleServesTheIssuerToo() throws Exception {
		Issued root = TestCertificates.rootCa("Bundle Test Root");
		Issued intermediate = TestCertificates.intermediateCa("Bundle Test Intermediate", root);
		Issued leaf = leafPointingAt(url("/issuer.cer"), intermediate);
		this.served = CertificateFactory.getInstance("X.509")
			.generateCertPath(List.of(intermediate.certificate(), root.certificate()))
			.getEncoded("PKCS7");

		ChainAnalysis analysis = ChainAnalysis.of(List.of(leaf.certificate()), "localhost",
				options(root).withIssuerFetch(ALLOW_ALL));

		assertThat(analysis.trust()).isEqualTo(TrustStatus.TRUSTED);
		assertThat(analysis.report().issues()).extracting(ChainIssue::type).contains(ChainIssue.Type.INCOMPLETE);
	}

	@Test
	void aLeafOfAnUntrustedRootIsUntrustedNotIncomplete() throws Exception {
		Issued privateRoot = TestCertificates.rootCa("Private Root");
		Issued leaf = leafPointingAt(url("/issuer.cer"), privateRoot);
		this.served = privateRoot.certificate().getEncoded();
		Issued otherRoot = TestCertificates.rootCa("Some Trusted Root");

		ChainAnalysis fetched = ChainAnalysis.of(List.of(leaf.certificate()), "localhost",
				options(otherRoot).withIssuerFetch(ALLOW_ALL));
		ChainAnalysis notFetched = ChainAnalysis.of(List.of(leaf.certificate()), "localhost", options(otherRoot));

		assertThat(fetched.trust()).isEqualTo(TrustStatus.UNTRUSTED);
		assertThat(fetched.report().issues()).extracting(ChainIssue::type).doesNotContain(ChainIssue.Type.INCOMPLETE);
		// Without the fetch nothing tells the root from a missing intermediate
		assertThat(notFetched.report().issues()).extracting(ChainIssue::type).contains(ChainIssue.Type.INCOMPLETE);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void aUrlAtAForbiddenAddressIsNeverContacted() throws Exception {
		Issued root = TestCertificates.rootCa("Policy Test Root");
		Issued intermediate = TestCertificates.intermediateCa("Policy Test Intermediate", root);
		String url = url("/issuer.cer");
		Issued leaf = leafPointingAt(url, intermediate);
		this.served = intermediate.certificate().getEncoded();

		ChainAnalysis analysis = ChainAnalysis.of(List.of(leaf.certificate()), "localhost",
				options(root).withIssuerFetch(DENY_LOOPBACK));

		assertThat(this.requests).hasValue(0);
		assertThat(analysis.trust()).isEqualTo(TrustStatus.UNTRUSTED);
		assertThat(analysis.report().issues()).filteredOn((issue) -> issue.type() == ChainIssue.Type.INCOMPLETE)
			.extracting(ChainIssue::detail)
			.singleElement()
			.asString()
			.endsWith("Fetching it failed: " + url
					+ ": the scan target policy refuses it (127.0.0.1 is denied: 127.0.0.1 is a loopback address).");
	}

	@Test
	void anOversizedAnswerIsRefused() throws Exception {
		Issued root = TestCertificates.rootCa("Size Test Root");
		Issued intermediate = TestCertificates.intermediateCa("Size Test Intermediate", root);
		Issued leaf = leafPointingAt(url("/issuer.cer"), intermediate);
		this.served = new byte[IssuerFetch.MAX_BODY_BYTES + 1];

		ChainAnalysis analysis = ChainAnalysis.of(List.of(leaf.certificate()), "localhost",
				options(root).withIssuerFetch(ALLOW_ALL));

		assertThat(analysis.trust()).isEqualTo(TrustStatus.UNTRUSTED);
		assertThat(analysis.report().issues()).extracting(ChainIssue::detail)
			.anySatisfy((detail) -> assertThat(detail).contains("answer of 65537 bytes is over 65536"));
	}

	@Test
	void aServerThatNeverAnswersCostsNoMoreThanTheTimeout() throws Exception {
		Issued root = TestCertificates.rootCa("Timeout Test Root");
		Issued intermediate = TestCertificates.intermediateCa("Timeout Test Intermediate", root);
		try (TestTcpServer hanging = TestTcpServer.hanging()) {
			Issued leaf = leafPointingAt("http://127.0.0.1:" + hanging.port() + "/issuer.cer", intermediate);
			ProbeOptions options = new ProbeOptions(Duration.ofSeconds(5), Duration.ofMillis(300),
					List.of(root.certificate()), Clock.systemUTC())
				.withIssuerFetch(ALLOW_ALL);

			ChainAnalysis analysis = ChainAnalysis.of(List.of(leaf.certificate()), "localhost", options);

			assertThat(analysis.report().issues()).extracting(ChainIssue::detail)
				.anySatisfy((detail) -> assertThat(detail).contains("no answer within 300 ms"));
		}
	}

	@Test
	void caIssuersUrlsAreReadFromTheExtension() {
		Issued root = TestCertificates.rootCa("Read Test Root");
		Issued leaf = leafPointingAt("http://ca.example/issuer.p7c", root);

		assertThat(IssuerFetch.caIssuers(leaf.certificate())).containsExactly("http://ca.example/issuer.p7c");
		assertThat(IssuerFetch.caIssuers(root.certificate())).isEmpty();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.http.getAddress().getPort() + path;
	}

	private static Issued leafPointingAt(String url, Issued issuer) {
		try {
			byte[] access = new AuthorityInformationAccess(new AccessDescription(AccessDescription.id_ad_caIssuers,
					new GeneralName(GeneralName.uniformResourceIdentifier, url)))
				.getEncoded();
			return TestCertificates.leaf("localhost")
				.dnsNames("localhost")
				.extension(IssuerFetch.AUTHORITY_INFO_ACCESS_OID, access)
				.issuedBy(issuer);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ProbeOptions options(Issued anchor) {
		return new ProbeOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), List.of(anchor.certificate()),
				Clock.systemUTC());
	}

}

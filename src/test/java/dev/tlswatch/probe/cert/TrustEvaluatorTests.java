package dev.tlswatch.probe.cert;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.cert.TrustEvaluator.Verdict;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates.KeyType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PKIX trust of a chain as sent: {@link TrustEvaluator}.
 */
class TrustEvaluatorTests {

	private static Issued root;

	private static Issued intermediate;

	private static Issued leaf;

	private static List<X509Certificate> anchors;

	@BeforeAll
	static void createChain() {
		root = TestCertificates.rootCa("Trust Root");
		intermediate = TestCertificates.intermediateCa("Trust Intermediate", root);
		leaf = TestCertificates.leaf("trust.example").keyType(KeyType.EC_P256).issuedBy(intermediate);
		anchors = List.of(root.certificate());
	}

	@Test
	void chainToAnExtraAnchorIsTrusted() {
		assertThat(evaluate(leaf.chainWithoutRoot(), anchors, Instant.now()))
			.isEqualTo(new Verdict(TrustStatus.TRUSTED, null));
	}

	@Test
	void sentCertificatesAreUsedInAnyOrder() {
		List<X509Certificate> shuffled = List.of(leaf.certificate(), root.certificate(), intermediate.certificate());
		assertThat(evaluate(shuffled, anchors, Instant.now()).status()).isEqualTo(TrustStatus.TRUSTED);
	}

	@Test
	void chainWithoutExtraAnchorIsUntrustedForTheSentRoot() {
		Verdict verdict = evaluate(leaf.chain(), List.of(), Instant.now());
		assertThat(verdict.status()).isEqualTo(TrustStatus.UNTRUSTED);
		assertThat(verdict.error()).isEqualTo("no path to a trusted root: the sent root CN=Trust Root is not trusted");
	}

	@Test
	void missingIntermediateIsUntrusted() {
		Verdict verdict = evaluate(List.of(leaf.certificate()), anchors, Instant.now());
		assertThat(verdict.status()).isEqualTo(TrustStatus.UNTRUSTED);
		assertThat(verdict.error())
			.isEqualTo("no path to a trusted root: issuer CN=Trust Intermediate was not sent and is not trusted");
	}

	@Test
	void selfSignedLeafIsUntrusted() {
		Issued selfSigned = TestCertificates.leaf("self.example").keyType(KeyType.EC_P256).selfSigned();
		assertThat(evaluate(selfSigned.chain(), anchors, Instant.now()))
			.isEqualTo(new Verdict(TrustStatus.UNTRUSTED, "self-signed certificate"));
	}

	@Test
	void selfSignedLeafThatIsAnAnchorIsTrusted() {
		Issued selfSigned = TestCertificates.leaf("pinned.example").keyType(KeyType.EC_P256).selfSigned();
		assertThat(evaluate(selfSigned.chain(), List.of(selfSigned.certificate()), Instant.now()).status())
			.isEqualTo(TrustStatus.TRUSTED);
	}

	@Test
	void expiredLeafOnAnAnchoredPathIsExpired() {
		Instant notAfter = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		Issued expired = TestCertificates.leaf("expired.example")
			.keyType(KeyType.EC_P256)
			.validity(notAfter.minus(Duration.ofDays(90)), notAfter)
			.issuedBy(intermediate);
		assertThat(evaluate(expired.chainWithoutRoot(), anchors, Instant.now()))
			.isEqualTo(new Verdict(TrustStatus.EXPIRED, "certificate expired at " + notAfter + ": CN=expired.example"));
	}

	@Test
	void futureLeafOnAnAnchoredPathIsNotYetValid() {
		Instant notBefore = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		Issued future = TestCertificates.leaf("future.example")
			.keyType(KeyType.EC_P256)
			.validity(notBefore, notBefore.plus(Duration.ofDays(90)))
			.issuedBy(intermediate);
		assertThat(evaluate(future.chainWithoutRoot(), anchors, Instant.now())).isEqualTo(new Verdict(
				TrustStatus.NOT_YET_VALID, "certificate not valid before " + notBefore + ": CN=future.example"));
	}

	@Test
	void clockDecidesValidity() {
		Instant notBefore = leaf.certificate().getNotBefore().toInstant();
		Instant notAfter = leaf.certificate().getNotAfter().toInstant();
		List<X509Certificate> chain = leaf.chainWithoutRoot();
		assertThat(evaluate(chain, anchors, notBefore).status()).isEqualTo(TrustStatus.TRUSTED);
		assertThat(evaluate(chain, anchors, notAfter).status()).isEqualTo(TrustStatus.TRUSTED);
		assertThat(evaluate(chain, anchors, notBefore.minusSeconds(1)).status()).isEqualTo(TrustStatus.NOT_YET_VALID);
		assertThat(evaluate(chain, anchors, notAfter.plusSeconds(1)).status()).isEqualTo(TrustStatus.EXPIRED);
	}

	@Test
	void expiredLeafOfAnUnknownCaIsUntrusted() {
		Instant notAfter = Instant.now().minus(10, ChronoUnit.DAYS);
		Issued expired = TestCertificates.leaf("expired.example")
			.keyType(KeyType.EC_P256)
			.validity(notAfter.minus(Duration.ofDays(90)), notAfter)
			.issuedBy(intermediate);
		assertThat(evaluate(expired.chainWithoutRoot(), List.of(), Instant.now()).status())
			.isEqualTo(TrustStatus.UNTRUSTED);
	}

	@Test
	void leafOfAnotherCaIsUntrusted() {
		Issued otherRoot = TestCertificates.rootCa("Other Root");
		Issued other = TestCertificates.leaf("other.example").keyType(KeyType.EC_P256).issuedBy(otherRoot);
		Verdict verdict = evaluate(other.chainWithoutRoot(), anchors, Instant.now());
		assertThat(verdict.status()).isEqualTo(TrustStatus.UNTRUSTED);
		assertThat(verdict.error()).startsWith("no path to a trusted root: issuer CN=Other Root");
	}

	@Test
	void leafSignedByAnImpostorWithTheIssuersNameIsUntrusted() {
		Issued impostor = TestCertificates.rootCa("Trust Root");
		Issued forged = TestCertificates.leaf("forged.example").keyType(KeyType.EC_P256).issuedBy(impostor);
		Verdict verdict = evaluate(forged.chainWithoutRoot(), anchors, Instant.now());
		assertThat(verdict.status()).isEqualTo(TrustStatus.UNTRUSTED);
		assertThat(verdict.error()).startsWith("no path to a trusted root: ");
	}

	@Test
	void emptyChainIsUnknown() {
		assertThat(evaluate(List.of(), anchors, Instant.now())).isEqualTo(new Verdict(TrustStatus.UNKNOWN, null));
	}

	private static Verdict evaluate(List<X509Certificate> chain, List<X509Certificate> extraAnchors, Instant now) {
		return TrustEvaluator.evaluate(chain, extraAnchors, now);
	}

}

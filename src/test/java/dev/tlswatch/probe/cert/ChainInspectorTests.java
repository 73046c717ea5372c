package dev.tlswatch.probe.cert;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.ChainIssue.Type;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates.KeyType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainInspectorTests {

	private static final Issued ROOT = TestCertificates.rootCa("Inspector Root");

	private static final Issued INTERMEDIATE = TestCertificates.intermediateCa("Inspector Intermediate", ROOT);

	private static final Set<TrustAnchor> ANCHORS = Set.of(new TrustAnchor(ROOT.certificate(), null));

	@Test
	void soundChainHasNoIssues() {
		Issued leaf = TestCertificates.leaf("sound.example").dnsNames("sound.example").issuedBy(INTERMEDIATE);

		assertThat(inspect(leaf.chainWithoutRoot())).isEmpty();
		assertThat(inspect(leaf.chain())).as("the root may be sent too").isEmpty();
	}

	@Test
	void missingIntermediateMakesTheChainIncomplete() {
		Issued leaf = TestCertificates.leaf("alone.example").issuedBy(INTERMEDIATE);

		List<ChainIssue> issues = inspect(List.of(leaf.certificate()));

		assertThat(issues).singleElement().satisfies((issue) -> {
			assertThat(issue.type()).isEqualTo(Type.INCOMPLETE);
			assertThat(issue.position()).isZero();
			assertThat(issue.detail()).isEqualTo(
					"The issuer of CN=alone.example (CN=Inspector Intermediate) was not sent and is not a trusted root.");
		});
	}

	@Test
	void leafAndIntermediateOfAnUntrustedPrivateCaAreCompleteNotIncomplete() {
		Issued privateRoot = TestCertificates.rootCa("Private Root");
		Issued privateIntermediate = TestCertificates.intermediateCa("Private Intermediate", privateRoot);
		Issued leaf = TestCertificates.leaf("private.example").issuedBy(privateIntermediate);

		// The trust verdict says the issuer is not trusted; the chain as served lacks
		// nothing but the root, which servers need not send
		assertThat(inspect(leaf.chainWithoutRoot())).isEmpty();
		assertThat(TrustEvaluator.evaluate(leaf.chainWithoutRoot(), List.of(), Instant.now()).status())
			.isEqualTo(TrustStatus.UNTRUSTED);
	}

	@Test
	void issuersOutOfSequenceAreTheWrongOrder() {
		Issued leaf = TestCertificates.leaf("order.example").issuedBy(INTERMEDIATE);

		List<ChainIssue> issues = inspect(List.of(leaf.certificate(), ROOT.certificate(), INTERMEDIATE.certificate()));

		assertThat(issues).extracting(ChainIssue::type).containsExactly(Type.WRONG_ORDER);
		assertThat(issues.get(0).position()).isEqualTo(1);
	}

	@Test
	void selfSignedLeafIsNamedAndNotCalledIncomplete() {
		Issued leaf = TestCertificates.leaf("self.example").selfSigned();

		assertThat(inspect(leaf.chain())).extracting(ChainIssue::type).containsExactly(Type.SELF_SIGNED_LEAF);
	}

	@Test
	void validityIsCheckedForEveryCertificate() {
		Instant now = Instant.now();
		Issued expired = TestCertificates.leaf("old.example")
			.validity(now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(10)))
			.issuedBy(INTERMEDIATE);
		Issued future = TestCertificates.leaf("new.example")
			.validity(now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(100)))
			.issuedBy(INTERMEDIATE);

		assertThat(inspect(expired.chainWithoutRoot())).extracting(ChainIssue::type).containsExactly(Type.EXPIRED);
		assertThat(inspect(future.chainWithoutRoot())).extracting(ChainIssue::type).containsExactly(Type.NOT_YET_VALID);
		assertThat(ChainInspector.inspect(expired.chainWithoutRoot(), ANCHORS, now.plus(Duration.ofDays(4000))))
			.extracting(ChainIssue::position)
			.as("ten years on, the intermediate has expired too")
			.containsExactly(0, 1);
	}

	@Test
	void smallKeysAndSha1SignaturesAreWeak() {
		Issued smallKey = TestCertificates.leaf("small.example").keyType(KeyType.RSA_1024).issuedBy(INTERMEDIATE);
		Issued sha1 = TestCertificates.leaf("sha1.example").signatureAlgorithm("SHA1withECDSA").issuedBy(INTERMEDIATE);

		List<ChainIssue> weakKey = inspect(smallKey.chainWithoutRoot());
		List<ChainIssue> weakSignature = inspect(sha1.chainWithoutRoot());

		assertThat(weakKey).extracting(ChainIssue::type).containsExactly(Type.WEAK_KEY);
		assertThat(weakKey.get(0).detail())
			.isEqualTo("CN=small.example has a 1024-bit RSA key (at least 2048 bits are needed).");
		assertThat(weakSignature).extracting(ChainIssue::type).containsExactly(Type.WEAK_SIGNATURE);
		assertThat(weakSignature.get(0).detail()).isEqualTo("CN=sha1.example is signed with SHA1withECDSA.");
	}

	@Test
	void leafWithoutServerAuthPurposeIsNotForServers() {
		Issued client = TestCertificates.leaf("client.example").clientAuthOnly().issuedBy(INTERMEDIATE);

		assertThat(inspect(client.chainWithoutRoot())).extracting(ChainIssue::type)
			.containsExactly(Type.NO_SERVER_AUTH);
	}

	private static List<ChainIssue> inspect(List<X509Certificate> chain) {
		return ChainInspector.inspect(chain, ANCHORS, Instant.now());
	}

}

package dev.tlswatch.endpoint;

import java.util.List;

import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestPem;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain read of an endpoint ({@link EndpointReads}, what {@link Endpoints#find}
 * answers) says what the entity says, connection options and tags included.
 */
@IntegrationTest
class EndpointReadsIntegrationTests {

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private EndpointReads reads;

	@Autowired
	private EndpointRepository repository;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void readsWhatTheEntitySaysWithEveryOptionAndTag() {
		Issued root = TestCertificates.rootCa("Reads Test Root");
		Issued client = TestCertificates.leaf("reads-client").clientAuthOnly().issuedBy(root);
		EndpointDetails registered = this.endpoints.register(new EndpointDraft("reads.example.com", 8443,
				TlsMode.STARTTLS_SMTP, "sni.reads.example.com", 15, List.of("zeta", "alpha", "mid-1"), false,
				"192.0.2.44", TestPem.certificates(List.of(root.certificate())),
				TestPem.certificates(List.of(client.certificate())), TestPem.pkcs8(client.key())));

		EndpointDetails read = this.reads.find(registered.id()).orElseThrow();

		assertThat(read).isEqualTo(entity(registered.id()));
		assertThat(read.tags()).containsExactly("alpha", "mid-1", "zeta");
		assertThat(read.options().clientKeyConfigured()).isTrue();
		assertThat(read.options().connectAddress()).isEqualTo("192.0.2.44");
		assertThat(this.endpoints.find(registered.id())).contains(read);
	}

	@Test
	void readsAnEndpointWithoutOptionsOrTags() {
		EndpointDetails registered = this.endpoints
			.register(new EndpointDraft("plain.reads.example.com", 443, TlsMode.IMPLICIT, null, 60, List.of(), true));

		assertThat(this.reads.find(registered.id())).contains(entity(registered.id()));
		assertThat(this.reads.find(registered.id()).orElseThrow().tags()).isEmpty();
	}

	@Test
	void anUnknownEndpointIsEmpty() {
		assertThat(this.reads.find(Long.MAX_VALUE)).isEmpty();
	}

	private EndpointDetails entity(long id) {
		return this.transactions.execute((status) -> this.repository.findById(id).orElseThrow().toDetails());
	}

}

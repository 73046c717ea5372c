package dev.tlswatch.endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.tlswatch.endpoint.InvalidEndpointException.FieldViolation;
import dev.tlswatch.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The registry on a real database. The database is shared with other test classes, so
 * every test uses host names of its own. {@code @AutoConfigureMockMvc} is only there to
 * share the context of the other full-application tests.
 */
@IntegrationTest
@RecordApplicationEvents
class EndpointServiceIntegrationTests {

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private ConfigurableApplicationContext context;

	@Autowired
	private ApplicationEvents events;

	private final List<Object> eventsInTransaction = new ArrayList<>();

	private final ApplicationListener<ApplicationEvent> transactionWatcher = this::watch;

	@BeforeEach
	void watchTransactions() {
		this.context.addApplicationListener(this.transactionWatcher);
	}

	@AfterEach
	void stopWatching() {
		this.context.removeApplicationListener(this.transactionWatcher);
	}

	private void watch(ApplicationEvent event) {
		if (event instanceof PayloadApplicationEvent<?> payload
				&& payload.getPayload().getClass().getPackageName().equals(Endpoints.class.getPackageName())
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			this.eventsInTransaction.add(payload.getPayload());
		}
	}

	@Test
	void registersTheNormalisedEndpointWithDefaults() {
		String host = uniqueHost();
		EndpointDetails details = this.endpoints.register(draft(" " + host.toUpperCase() + ". ", 465, null));
		assertThat(details.id()).isPositive();
		assertThat(details.host()).isEqualTo(host);
		assertThat(details.port()).isEqualTo(465);
		assertThat(details.tlsMode()).isEqualTo(TlsMode.IMPLICIT);
		assertThat(details.sniName()).isNull();
		assertThat(details.scanIntervalMinutes()).isEqualTo(60);
		assertThat(details.enabled()).isTrue();
		assertThat(details.tags()).isEmpty();
		assertThat(details.createdAt()).isNotNull().isEqualTo(details.updatedAt());
		assertThat(this.endpoints.find(details.id())).contains(details);
	}

	@Test
	void storesTagsAndInternationalNames() {
		String unique = uniqueLabel();
		EndpointDetails details = this.endpoints.register(new EndpointDraft("bücher." + unique + ".example", 443,
				TlsMode.IMPLICIT, "Www.Bücher." + unique + ".example", 5, List.of("Prod", "mail", "prod"), false));
		assertThat(details.host()).isEqualTo("xn--bcher-kva." + unique + ".example");
		assertThat(details.sniName()).isEqualTo("www.xn--bcher-kva." + unique + ".example");
		assertThat(details.tags()).containsExactly("mail", "prod");
		assertThat(details.enabled()).isFalse();
		assertThat(this.endpoints.get(details.id())).isEqualTo(details);
		assertThat(this.jdbc.queryForList("select tag from endpoint_tag where endpoint_id = ? order by tag",
				String.class, details.id()))
			.containsExactly("mail", "prod");
	}

	@Test
	void storesIpv6LiteralsWithoutBrackets() {
		String address = uniqueIpv6();
		EndpointDetails details = this.endpoints.register(draft("[" + address.toUpperCase() + "]", 443, null));
		assertThat(details.host()).isEqualTo(address);
		assertThat(details.displayName()).isEqualTo("[" + address + "]:443");
	}

	@Test
	void storesNothingForAnInvalidDraftAndNamesEveryField() {
		long before = countEndpoints();
		EndpointDraft draft = new EndpointDraft("bad host", 70000, null, "192.0.2.1", 0, List.of("bad tag"), true);
		assertThatExceptionOfType(InvalidEndpointException.class).isThrownBy(() -> this.endpoints.register(draft))
			.satisfies((ex) -> assertThat(ex.getViolations()).extracting(FieldViolation::field)
				.containsExactly("host", "port", "tlsMode", "sniName", "scanIntervalMinutes", "tags[0]"));
		assertThat(countEndpoints()).isEqualTo(before);
		assertThat(this.events.stream(EndpointRegistered.class)).isEmpty();
	}

	@Test
	void rejectsTheSameHostPortAndSniAfterNormalisation() {
		String host = uniqueHost();
		EndpointDetails first = this.endpoints.register(draft(host, 443, null));
		long before = countEndpoints();
		for (EndpointDraft duplicate : List.of(draft(host.toUpperCase() + ".", 443, null), draft(host, 443, "  "),
				draft(host, 443, host))) {
			assertThatExceptionOfType(DuplicateEndpointException.class)
				.isThrownBy(() -> this.endpoints.register(duplicate))
				.satisfies((ex) -> assertThat(ex.getExistingId()).isEqualTo(first.id()))
				.withMessageContaining(host + ":443");
		}
		assertThat(countEndpoints()).isEqualTo(before);
	}

	@Test
	void sameHostWithAnotherPortOrSniIsAnotherEndpoint() {
		String host = uniqueHost();
		EndpointDetails plain = this.endpoints.register(draft(host, 443, null));
		EndpointDetails otherPort = this.endpoints.register(draft(host, 8443, null));
		EndpointDetails otherSni = this.endpoints.register(draft(host, 443, "www." + host));
		assertThat(List.of(plain.id(), otherPort.id(), otherSni.id())).doesNotHaveDuplicates();
		assertThatExceptionOfType(DuplicateEndpointException.class)
			.isThrownBy(() -> this.endpoints.register(draft(host, 443, "WWW." + host)))
			.satisfies((ex) -> assertThat(ex.getExistingId()).isEqualTo(otherSni.id()));
	}

	@Test
	void translatesTheUniqueIndexWhenAConcurrentRegistrationWins() throws Exception {
		try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
			raceForTheSameIdentity(threads);
		}
	}

	private void raceForTheSameIdentity(ExecutorService threads) throws Exception {
		String host = uniqueHost();
		CountDownLatch winnerInserted = new CountDownLatch(1);
		CountDownLatch loserWaiting = new CountDownLatch(1);
		CompletableFuture<EndpointDetails> winner = CompletableFuture
			.supplyAsync(() -> this.transactions.execute((status) -> {
				EndpointDetails details = this.endpoints.register(draft(host, 443, null));
				winnerInserted.countDown();
				await(loserWaiting);
				return details;
			}), threads);
		await(winnerInserted);
		// The winner has not committed: the loser's check finds nothing, its insert
		// waits.
		CompletableFuture<Throwable> loser = CompletableFuture
			.supplyAsync(() -> catchThrowable(() -> this.endpoints.register(draft(host, 443, null))), threads);
		awaitInsertBlockedByLock();
		loserWaiting.countDown();
		EndpointDetails stored = winner.get(10, TimeUnit.SECONDS);
		assertThat(loser.get(10, TimeUnit.SECONDS)).isInstanceOf(DuplicateEndpointException.class)
			.satisfies((ex) -> assertThat(((DuplicateEndpointException) ex).getExistingId()).isEqualTo(stored.id()));
		assertThat(this.jdbc.queryForObject("select count(*) from endpoint where host = ?", Long.class, host)).isOne();
	}

	@Test
	void updateReplacesTheSettings() {
		String host = uniqueHost();
		EndpointDetails created = this.endpoints.register(draft(host, 443, null));
		EndpointDetails updated = this.endpoints.update(created.id(),
				new EndpointDraft("new." + host, 8443, TlsMode.IMPLICIT, "sni." + host, 30, List.of("b", "a"), false));
		assertThat(updated.id()).isEqualTo(created.id());
		assertThat(updated.host()).isEqualTo("new." + host);
		assertThat(updated.port()).isEqualTo(8443);
		assertThat(updated.sniName()).isEqualTo("sni." + host);
		assertThat(updated.scanIntervalMinutes()).isEqualTo(30);
		assertThat(updated.tags()).containsExactly("a", "b");
		assertThat(updated.enabled()).isFalse();
		assertThat(updated.createdAt()).isEqualTo(created.createdAt());
		assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
		assertThat(this.endpoints.get(created.id())).isEqualTo(updated);
	}

	@Test
	void updateKeepsItsOwnIdentityButNotAnothers() {
		String host = uniqueHost();
		EndpointDetails first = this.endpoints.register(draft(host, 443, null));
		EndpointDetails second = this.endpoints.register(draft(host, 993, null));
		assertThat(this.endpoints.update(first.id(), draft(host, 443, null, 10)).scanIntervalMinutes()).isEqualTo(10);
		assertThatExceptionOfType(DuplicateEndpointException.class)
			.isThrownBy(() -> this.endpoints.update(second.id(), draft(host, 443, null)))
			.satisfies((ex) -> assertThat(ex.getExistingId()).isEqualTo(first.id()));
		assertThat(this.endpoints.get(second.id()).port()).isEqualTo(993);
	}

	@Test
	void invalidUpdateChangesNothing() {
		EndpointDetails created = this.endpoints.register(draft(uniqueHost(), 443, null));
		assertThatExceptionOfType(InvalidEndpointException.class)
			.isThrownBy(() -> this.endpoints.update(created.id(), draft("", 0, null)));
		assertThat(this.endpoints.get(created.id())).isEqualTo(created);
	}

	@Test
	void deleteRemovesTheEndpointAndItsTags() {
		EndpointDetails created = this.endpoints
			.register(new EndpointDraft(uniqueHost(), 443, TlsMode.IMPLICIT, null, null, List.of("x"), null));
		this.endpoints.delete(created.id());
		assertThat(this.endpoints.find(created.id())).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from endpoint_tag where endpoint_id = ?", Long.class,
				created.id()))
			.isZero();
		assertThatExceptionOfType(EndpointNotFoundException.class).isThrownBy(() -> this.endpoints.get(created.id()));
	}

	@Test
	void unknownIdsAreNotFound() {
		long unknown = Long.MAX_VALUE;
		assertThat(this.endpoints.find(unknown)).isEmpty();
		assertThatExceptionOfType(EndpointNotFoundException.class)
			.isThrownBy(() -> this.endpoints.update(unknown, draft(uniqueHost(), 443, null)))
			.satisfies((ex) -> assertThat(ex.getEndpointId()).isEqualTo(unknown));
		assertThatExceptionOfType(EndpointNotFoundException.class).isThrownBy(() -> this.endpoints.delete(unknown));
	}

	@Test
	void publishesEachChangeInsideItsTransaction() {
		EndpointDetails created = this.endpoints.register(draft(uniqueHost(), 443, null));
		EndpointDetails updated = this.endpoints.update(created.id(), draft(created.host(), 443, null, 15));
		this.endpoints.delete(created.id());
		EndpointRegistered registered = new EndpointRegistered(created);
		EndpointChanged changed = new EndpointChanged(updated);
		EndpointRemoved removed = new EndpointRemoved(created.id());
		assertThat(this.events.stream(EndpointRegistered.class)).containsExactly(registered);
		assertThat(this.events.stream(EndpointChanged.class)).containsExactly(changed);
		assertThat(this.events.stream(EndpointRemoved.class)).containsExactly(removed);
		assertThat(this.eventsInTransaction).containsExactly(registered, changed, removed);
	}

	@Test
	void anUnchangedUpdateIsNoChange() {
		EndpointDetails created = this.endpoints.register(draft(uniqueHost(), 443, null));
		this.events.clear();
		assertThat(this.endpoints.update(created.id(), draft(created.host(), 443, null))).isEqualTo(created);
		assertThat(this.events.stream(EndpointChanged.class)).isEmpty();
	}

	@Test
	void listsPagesOrderedByHostAndPort() {
		String unique = uniqueLabel();
		for (String host : List.of("c", "a", "b")) {
			this.endpoints.register(draft(host + "." + unique + ".example", 443, null));
		}
		this.endpoints.register(draft("a." + unique + ".example", 80, null));
		Page<EndpointDetails> page = this.endpoints.list(PageRequest.of(0, 1000));
		List<String> ours = page.getContent()
			.stream()
			.filter((details) -> details.host().contains(unique))
			.map(EndpointDetails::displayName)
			.toList();
		assertThat(ours).containsExactly("a." + unique + ".example:80", "a." + unique + ".example:443",
				"b." + unique + ".example:443", "c." + unique + ".example:443");
		assertThat(this.endpoints.list(PageRequest.of(0, 2)).getContent()).hasSize(2);
		assertThat(page.getTotalElements()).isGreaterThanOrEqualTo(4);
	}

	private long countEndpoints() {
		Long count = this.jdbc.queryForObject("select count(*) from endpoint", Long.class);
		return (count != null) ? count : 0;
	}

	private void awaitInsertBlockedByLock() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			Long waiting = this.jdbc.queryForObject(
					"select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into endpoint%'",
					Long.class);
			if (waiting != null && waiting > 0) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The second registration never waited for the first");
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static EndpointDraft draft(String host, int port, @Nullable String sniName) {
		return draft(host, port, sniName, null);
	}

	static EndpointDraft draft(String host, int port, @Nullable String sniName, @Nullable Integer interval) {
		return new EndpointDraft(host, port, TlsMode.IMPLICIT, sniName, interval, null, null);
	}

	static String uniqueLabel() {
		return "t" + UUID.randomUUID().toString().replace("-", "");
	}

	static String uniqueHost() {
		return "mail." + uniqueLabel() + ".example";
	}

	static String uniqueIpv6() {
		UUID uuid = UUID.randomUUID();
		long bits = uuid.getMostSignificantBits();
		return String.format("fd00:%x:%x:%x:%x::1", (bits >>> 48) & 0xffff | 1, (bits >>> 32) & 0xffff | 1,
				(bits >>> 16) & 0xffff | 1, bits & 0xffff | 1);
	}

}

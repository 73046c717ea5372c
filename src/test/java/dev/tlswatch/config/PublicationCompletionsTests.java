package dev.tlswatch.config;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tlswatch.support.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Completed publications are deleted in batches while the application runs, retried when
 * a delete fails, deleted at stop, and deleted at once when no batches run.
 */
class PublicationCompletionsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final EventPublicationRepository repository = mock(EventPublicationRepository.class);

	private final List<List<UUID>> deleted = new CopyOnWriteArrayList<>();

	private final PublicationCompletions completions = new PublicationCompletions(this.repository, 5);

	private final EventPublicationRepository wrapped = EventPublicationStatusConfiguration.wrap(this.repository,
			this.completions);

	PublicationCompletionsTests() {
		willAnswer((invocation) -> this.deleted.add(List.copyOf(invocation.<List<UUID>>getArgument(0))))
			.given(this.repository)
			.deletePublications(anyList());
	}

	@AfterEach
	void stop() {
		this.completions.stop();
	}

	@Test
	void deletesTheQueuedCompletionsInOneStatement() {
		List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		ids.forEach(this.completions::queue);
		this.completions.start();

		Eventually.await(WAIT, "the completions deleted", () -> !this.deleted.isEmpty());
		assertThat(this.deleted).containsExactly(ids);
	}

	@Test
	void takesTheRegistrysCompletionsInsteadOfTheRepository() {
		this.completions.start();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		this.wrapped.markCompleted(publication(first), Instant.now());
		this.wrapped.markCompleted(second, Instant.now());

		Eventually.await(WAIT, "the completions deleted", () -> allDeleted().size() == 2);
		assertThat(allDeleted()).containsExactly(first, second);
		then(this.repository).should(never()).markCompleted(any(UUID.class), any());
		then(this.repository).should(never()).markCompleted(any(TargetEventPublication.class), any());
	}

	@Test
	void retriesADeleteThatFailed() {
		AtomicInteger calls = new AtomicInteger();
		willAnswer((invocation) -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("database down");
			}
			return this.deleted.add(List.copyOf(invocation.<List<UUID>>getArgument(0)));
		}).given(this.repository).deletePublications(anyList());
		this.completions.start();
		UUID id = UUID.randomUUID();
		this.wrapped.markCompleted(id, Instant.now());

		Eventually.await(WAIT, "the completion deleted after the failure", () -> allDeleted().contains(id));
		assertThat(calls.get()).isEqualTo(2);
		assertThat(this.completions.pending()).isEmpty();
	}

	@Test
	void deletesWhatIsQueuedWhenItStops() {
		this.completions.start();
		UUID id = UUID.randomUUID();
		this.wrapped.markCompleted(id, Instant.now());
		this.completions.stop();

		assertThat(allDeleted()).containsExactly(id);
		assertThat(this.completions.isRunning()).isFalse();
	}

	@Test
	void deletesAtOnceWhenNotRunning() {
		UUID id = UUID.randomUUID();
		this.wrapped.markCompleted(id, Instant.now());

		assertThat(this.deleted).containsExactly(List.of(id));
	}

	@Test
	void keepsAtMostTheLimitAndDropsTheOldest() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(UUID.randomUUID());
			this.completions.queue(ids.get(i));
		}

		assertThat(this.completions.pending()).containsExactlyElementsOf(ids.subList(3, 8));
		assertThat(this.deleted).isEmpty();
	}

	private List<UUID> allDeleted() {
		return this.deleted.stream().flatMap(List::stream).toList();
	}

	private static TargetEventPublication publication(UUID id) {
		TargetEventPublication publication = mock(TargetEventPublication.class);
		given(publication.getIdentifier()).willReturn(id);
		return publication;
	}

}

package dev.tlswatch.config;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.support.CompletionMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The registry's repository skips the processing mark, batches the deletes of completed
 * publications when they are deleted, and does everything else.
 */
class EventPublicationStatusConfigurationTests {

	private final EventPublicationRepository repository = mock(EventPublicationRepository.class);

	private final EventPublicationRepository wrapped = EventPublicationStatusConfiguration.wrap(this.repository, null);

	@Test
	void marksNoPublicationAsProcessing() {
		this.wrapped.markProcessing(UUID.randomUUID());
		then(this.repository).should(never()).markProcessing(any());
	}

	@Test
	void completesFailsAndFindsAsTheRepositoryDoes() {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		given(this.repository.findIncompletePublications()).willReturn(List.of());
		this.wrapped.markCompleted(id, now);
		this.wrapped.markFailed(id);
		assertThat(this.wrapped.findIncompletePublications()).isEmpty();
		then(this.repository).should().markCompleted(id, now);
		then(this.repository).should().markFailed(id);
		then(this.repository).should().findIncompletePublications();
	}

	@Test
	void wrapsOnlyTheRepository() {
		var processor = EventPublicationStatusConfiguration.registryRepositoryProcessor();
		Object other = new Object();
		assertThat(processor.postProcessAfterInitialization(other, "other")).isSameAs(other);
		assertThat(processor.postProcessAfterInitialization(this.repository, "repository"))
			.isInstanceOf(EventPublicationRepository.class)
			.isNotSameAs(this.repository);
	}

	@Test
	void batchesCompletionsOnlyWhenCompletedPublicationsAreDeleted() {
		UUID kept = UUID.randomUUID();
		UUID deleted = UUID.randomUUID();
		Instant now = Instant.now();
		var updating = EventPublicationStatusConfiguration.registryRepositoryProcessor();
		updating.setEnvironment(new MockEnvironment().withProperty(CompletionMode.PROPERTY, "UPDATE"));
		var marking = (EventPublicationRepository) updating.postProcessAfterInitialization(this.repository, "r");
		updating.start();
		marking.markCompleted(kept, now);
		assertThat(updating.isRunning()).isFalse();
		then(this.repository).should().markCompleted(kept, now);

		var deleting = EventPublicationStatusConfiguration.registryRepositoryProcessor();
		deleting.setEnvironment(new MockEnvironment().withProperty(CompletionMode.PROPERTY, "DELETE"));
		var batching = (EventPublicationRepository) deleting.postProcessAfterInitialization(this.repository, "r");
		deleting.start();
		assertThat(deleting.isRunning()).isTrue();
		batching.markCompleted(deleted, now);
		deleting.stop();
		assertThat(deleting.isRunning()).isFalse();
		then(this.repository).should().deletePublications(List.of(deleted));
		then(this.repository).should(never()).markCompleted(deleted, now);
	}

}

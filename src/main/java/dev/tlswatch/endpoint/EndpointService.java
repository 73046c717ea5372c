package dev.tlswatch.endpoint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The endpoint registry: validates and normalises drafts, keeps host + port + SNI name
 * unique, and announces every change as an {@code Endpoint*} event inside its
 * transaction, so that synchronous listeners (the scan scheduler) change their state in
 * the same transaction.
 */
@Service
@Transactional
class EndpointService implements Endpoints {

	/** The unique index of V2__endpoint.sql. */
	static final String IDENTITY_CONSTRAINT = "endpoint_identity_uk";

	private static final Sort DEFAULT_SORT = Sort.by("host", "port");

	private final EndpointRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final EndpointSettings settings;

	private final TransactionTemplate separateReadOnlyTransaction;

	private final ScanTargetPolicy policy;

	EndpointService(EndpointRepository repository, ApplicationEventPublisher events, Clock clock,
			EndpointSettings settings, PlatformTransactionManager transactionManager, ScanTargetPolicy policy) {
		this.policy = policy;
		this.repository = repository;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
		this.separateReadOnlyTransaction = new TransactionTemplate(transactionManager);
		this.separateReadOnlyTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.separateReadOnlyTransaction.setReadOnly(true);
	}

	@Override
	public EndpointDetails register(EndpointDraft draft) {
		ValidEndpoint values = validated(draft);
		rejectDuplicate(values, null);
		Endpoint endpoint = store(new Endpoint(values, now()), values);
		EndpointDetails details = endpoint.toDetails();
		this.events.publishEvent(new EndpointRegistered(details));
		return details;
	}

	@Override
	public List<EndpointDetails> registerAll(List<EndpointDraft> drafts) {
		// One transaction: a failure on any draft rolls back the ones before it.
		return drafts.stream().map(this::register).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public String validate(EndpointDraft draft) {
		ValidEndpoint values = validated(draft);
		rejectDuplicate(values, null);
		return values.displayName();
	}

	@Override
	public EndpointDetails update(long id, EndpointDraft draft) {
		Endpoint endpoint = this.repository.findById(id).orElseThrow(() -> new EndpointNotFoundException(id));
		ValidEndpoint values = EndpointDraftValidator.validate(draft, this.settings.defaultScanIntervalMinutes(),
				this.policy, endpoint.clientKey());
		rejectDuplicate(values, id);
		if (!endpoint.apply(values, now())) {
			return endpoint.toDetails();
		}
		EndpointDetails details = store(endpoint, values).toDetails();
		this.events.publishEvent(new EndpointChanged(details));
		return details;
	}

	@Override
	public void delete(long id) {
		Endpoint endpoint = this.repository.findById(id).orElseThrow(() -> new EndpointNotFoundException(id));
		this.repository.delete(endpoint);
		this.repository.flush();
		this.events.publishEvent(new EndpointRemoved(id));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<EndpointDetails> find(long id) {
		return this.repository.findById(id).map(Endpoint::toDetails);
	}

	/** Overrides the interface's default so that it, too, runs in a transaction. */
	@Override
	@Transactional(readOnly = true)
	public EndpointDetails get(long id) {
		return find(id).orElseThrow(() -> new EndpointNotFoundException(id));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ClientCredentials> clientCredentials(long id) {
		return this.repository.findById(id).map(Endpoint::clientCredentials);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<EndpointDetails> list(Pageable pageable) {
		return this.repository.findAll(withStableOrder(pageable)).map(Endpoint::toDetails);
	}

	@Override
	@Transactional(readOnly = true)
	public List<EndpointDetails> findAll(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, EndpointDetails> byId = new HashMap<>();
		this.repository.findAllByIdIn(ids).forEach((endpoint) -> byId.put(endpoint.getId(), endpoint.toDetails()));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<EndpointDetails> findByHost(String host) {
		return switch (HostNames.parseHost(host.strip())) {
			case HostNames.DnsName(String name) -> details(this.repository.findAllByHostOrderByPortAscIdAsc(name));
			case HostNames.IpLiteral(String literal) ->
				details(this.repository.findAllByHostOrderByPortAscIdAsc(literal));
			case HostNames.Invalid invalid -> List.of();
		};
	}

	@Override
	public int defaultScanIntervalMinutes() {
		return this.settings.defaultScanIntervalMinutes();
	}

	private static List<EndpointDetails> details(List<Endpoint> endpoints) {
		return endpoints.stream().map(Endpoint::toDetails).toList();
	}

	/** PostgreSQL keeps microseconds: what is returned must equal what is read later. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private ValidEndpoint validated(EndpointDraft draft) {
		return EndpointDraftValidator.validate(draft, this.settings.defaultScanIntervalMinutes(), this.policy);
	}

	private void rejectDuplicate(ValidEndpoint values, @Nullable Long self) {
		this.repository.findIdByIdentity(values.host(), values.port(), values.sniKey())
			.filter((existing) -> !existing.equals(self))
			.ifPresent((existing) -> {
				throw new DuplicateEndpointException(values.displayName(), existing);
			});
	}

	/**
	 * Write now, so that a concurrent registration of the same identity, which the check
	 * before could not see, fails here as a {@link DuplicateEndpointException}.
	 */
	private Endpoint store(Endpoint endpoint, ValidEndpoint values) {
		try {
			return this.repository.saveAndFlush(endpoint);
		}
		catch (DataIntegrityViolationException ex) {
			Long winner = violates(ex, IDENTITY_CONSTRAINT) ? winnerOfRace(values) : null;
			if (winner == null) {
				throw ex;
			}
			throw new DuplicateEndpointException(values.displayName(), winner);
		}
	}

	/**
	 * The endpoint that won a race for the same identity. This transaction is aborted by
	 * the failed insert, so ask in a separate one; the winner has committed, or the
	 * unique index would still be waiting for it.
	 */
	private @Nullable Long winnerOfRace(ValidEndpoint values) {
		return this.separateReadOnlyTransaction
			.execute((status) -> this.repository.findIdByIdentity(values.host(), values.port(), values.sniKey())
				.orElse(null));
	}

	private static boolean violates(Throwable ex, String constraint) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConstraintViolationException violation
					&& constraint.equalsIgnoreCase(violation.getConstraintName())) {
				return true;
			}
			if (cause.getMessage() != null && cause.getMessage().contains(constraint)) {
				return true;
			}
		}
		return false;
	}

	private static Pageable withStableOrder(Pageable pageable) {
		Sort sort = pageable.getSort().isSorted() ? pageable.getSort() : DEFAULT_SORT;
		if (sort.getOrderFor("id") == null) {
			sort = sort.and(Sort.by("id"));
		}
		return pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort)
				: Pageable.unpaged(sort);
	}

}

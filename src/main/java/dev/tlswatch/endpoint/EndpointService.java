package dev.tlswatch.endpoint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.tlswatch.probe.HostNames;
import dev.tlswatch.endpoint.InvalidEndpointException.FieldViolation;

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

	private final EndpointReads reads;

	EndpointService(EndpointRepository repository, ApplicationEventPublisher events, Clock clock,
			EndpointSettings settings, PlatformTransactionManager transactionManager, ScanTargetPolicy policy,
			EndpointReads reads) {
		this.reads = reads;
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
	public EndpointDetails register(EndpointDraft draft, Consumer<EndpointDetails> inSameTransaction) {
		EndpointDetails details = register(draft);
		inSameTransaction.accept(details);
		return details;
	}

	@Override
	public EndpointDetails update(long id, EndpointDraft draft, Consumer<EndpointDetails> inSameTransaction) {
		EndpointDetails details = update(id, draft);
		inSameTransaction.accept(details);
		return details;
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
	public int setEnabled(Collection<Long> ids, boolean enabled) {
		Instant now = now();
		return changeEach(existing(ids), (endpoint) -> endpoint.enable(enabled, now));
	}

	@Override
	public int addTag(Collection<Long> ids, String tag) {
		String valid = validTag(tag);
		List<Endpoint> endpoints = existing(ids);
		endpoints.stream()
			.filter((endpoint) -> !endpoint.hasTag(valid) && endpoint.tagCount() >= EndpointDraftValidator.MAX_TAGS)
			.findFirst()
			.ifPresent((full) -> {
				throw new InvalidEndpointException(List.of(new FieldViolation("tag", "endpoint " + full.getId()
						+ " already has " + EndpointDraftValidator.MAX_TAGS + " tags, the most it may have")));
			});
		Instant now = now();
		return changeEach(endpoints, (endpoint) -> endpoint.addTag(valid, now));
	}

	@Override
	public int removeTag(Collection<Long> ids, String tag) {
		String valid = validTag(tag);
		Instant now = now();
		return changeEach(existing(ids), (endpoint) -> endpoint.removeTag(valid, now));
	}

	@Override
	public int deleteAll(Collection<Long> ids) {
		List<Endpoint> endpoints = existing(ids);
		for (Endpoint endpoint : endpoints) {
			long id = endpoint.getId();
			this.repository.delete(endpoint);
			this.repository.flush();
			this.events.publishEvent(new EndpointRemoved(id));
		}
		return endpoints.size();
	}

	/**
	 * The endpoints of a bulk change, in the order asked for, or an exception before
	 * anything changes.
	 */
	private List<Endpoint> existing(Collection<Long> ids) {
		Set<Long> unique = new LinkedHashSet<>(ids);
		if (unique.isEmpty()) {
			throw new InvalidEndpointException(List.of(new FieldViolation("ids", "must name at least one endpoint")));
		}
		if (unique.size() > MAX_BULK_IDS) {
			throw new InvalidEndpointException(
					List.of(new FieldViolation("ids", "must not name more than " + MAX_BULK_IDS + " endpoints")));
		}
		Map<Long, Endpoint> byId = new HashMap<>();
		this.repository.findAllByIdIn(unique).forEach((endpoint) -> byId.put(endpoint.getId(), endpoint));
		List<Long> missing = unique.stream().filter((id) -> !byId.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			throw new EndpointsNotFoundException(missing);
		}
		return unique.stream().map(byId::get).toList();
	}

	/** Applies a change to each endpoint and announces those that changed. */
	private int changeEach(List<Endpoint> endpoints, Predicate<Endpoint> change) {
		int changed = 0;
		for (Endpoint endpoint : endpoints) {
			if (change.test(endpoint)) {
				EndpointDetails details = this.repository.saveAndFlush(endpoint).toDetails();
				this.events.publishEvent(new EndpointChanged(details));
				changed++;
			}
		}
		return changed;
	}

	private static String validTag(String tag) {
		String normalised = tag.strip().toLowerCase(Locale.ROOT);
		if (normalised.isEmpty()) {
			throw new InvalidEndpointException(List.of(new FieldViolation("tag", "must not be blank")));
		}
		if (!EndpointDraftValidator.TAG.matcher(normalised).matches()) {
			throw new InvalidEndpointException(List.of(new FieldViolation("tag", EndpointDraftValidator.TAG_RULE)));
		}
		return normalised;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<EndpointDetails> find(long id) {
		// Entity changes are flushed when made (saveAndFlush), so a plain read sees them.
		return this.reads.find(id);
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
		return switch (Idna.parseHost(host.strip())) {
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

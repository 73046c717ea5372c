package dev.tlswatch.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import dev.tlswatch.probe.HandshakeOutcome;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/**
 * One stored scan of an endpoint.
 */
@Entity
@Table(name = "scan")
class Scan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "endpoint_id", nullable = false)
	private long endpointId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ScanTrigger trigger;

	@Column(name = "started_at", nullable = false)
	private Instant startedAt;

	@Column(name = "finished_at", nullable = false)
	private Instant finishedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private HandshakeOutcome outcome;

	private @Nullable String error;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ScanKind kind;

	@Column(name = "full_probe_at")
	private @Nullable Instant fullProbeAt;

	// Batch-loaded: history and timeline pages read up to 200 scans' results.
	@OneToMany(mappedBy = "scan", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	@BatchSize(size = 50)
	private List<ScanAddress> results = new ArrayList<>();

	protected Scan() {
		this.trigger = ScanTrigger.SCHEDULED;
		this.startedAt = Instant.EPOCH;
		this.finishedAt = Instant.EPOCH;
		this.outcome = HandshakeOutcome.ERROR;
		this.kind = ScanKind.FULL;
	}

	Scan(long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt, HandshakeOutcome outcome,
			@Nullable String error, ScanKind kind, @Nullable Instant fullProbeAt) {
		this.kind = kind;
		this.fullProbeAt = fullProbeAt;
		this.endpointId = endpointId;
		this.trigger = trigger;
		this.startedAt = startedAt;
		this.finishedAt = finishedAt;
		this.outcome = outcome;
		this.error = error;
	}

	void addResult(ScanAddress result) {
		result.setScan(this);
		this.results.add(result);
	}

	long getId() {
		if (this.id == null) {
			throw new IllegalStateException("Scan is not stored yet");
		}
		return this.id;
	}

	long getEndpointId() {
		return this.endpointId;
	}

	ScanTrigger getTrigger() {
		return this.trigger;
	}

	Instant getStartedAt() {
		return this.startedAt;
	}

	Instant getFinishedAt() {
		return this.finishedAt;
	}

	HandshakeOutcome getOutcome() {
		return this.outcome;
	}

	@Nullable String getError() {
		return this.error;
	}

	ScanKind getKind() {
		return this.kind;
	}

	/** When the facts it shows were observed by a full probe: its own start for one. */
	Instant getFullProbeAt() {
		return (this.fullProbeAt != null) ? this.fullProbeAt : this.startedAt;
	}

	List<ScanAddress> getResults() {
		return this.results;
	}

}

package dev.tlswatch.endpoint;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/**
 * A monitored endpoint as stored. The only mutable type of the module: it is changed
 * through {@link #apply} with an already validated {@link ValidEndpoint}, and leaves the
 * module as {@link EndpointDetails}.
 */
@Entity
@Table(name = "endpoint")
class Endpoint {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, length = 253)
	private String host;

	@Column(nullable = false)
	private int port;

	@Enumerated(EnumType.STRING)
	@Column(name = "tls_mode", nullable = false, length = 32)
	private TlsMode tlsMode;

	@Column(name = "sni_name", length = 253)
	private @Nullable String sniName;

	@Column(name = "scan_interval_minutes", nullable = false)
	private int scanIntervalMinutes;

	@Column(nullable = false)
	private boolean enabled;

	// Loaded in batches so that a page of endpoints costs a few queries, not one per row.
	@ElementCollection
	@CollectionTable(name = "endpoint_tag", joinColumns = @JoinColumn(name = "endpoint_id"))
	@Column(name = "tag", nullable = false, length = 64)
	@BatchSize(size = 100)
	private Set<String> tags = new HashSet<>();

	@Column(name = "connect_address", length = 45)
	private @Nullable String connectAddress;

	@Column(name = "trust_bundle")
	private @Nullable String trustBundle;

	@Column(name = "client_certificate")
	private @Nullable String clientCertificate;

	// A secret: leaves the entity only as ClientCredentials, for the scan
	@Column(name = "client_key")
	private @Nullable String clientKey;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	@Column(nullable = false)
	private long version;

	/** For JPA. */
	protected Endpoint() {
	}

	Endpoint(ValidEndpoint values, Instant now) {
		this.host = values.host();
		this.port = values.port();
		this.tlsMode = values.tlsMode();
		this.sniName = values.sniName();
		this.scanIntervalMinutes = values.scanIntervalMinutes();
		this.enabled = values.enabled();
		this.tags.addAll(values.tags());
		applyOptions(values);
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Take over new settings.
	 * @param values the validated settings
	 * @param now the time of the change
	 * @return whether anything changed
	 */
	boolean apply(ValidEndpoint values, Instant now) {
		if (values.equals(currentValues())) {
			return false;
		}
		this.host = values.host();
		this.port = values.port();
		this.tlsMode = values.tlsMode();
		this.sniName = values.sniName();
		this.scanIntervalMinutes = values.scanIntervalMinutes();
		this.enabled = values.enabled();
		this.tags.retainAll(values.tags());
		this.tags.addAll(values.tags());
		applyOptions(values);
		this.updatedAt = now;
		return true;
	}

	/**
	 * Turn scheduled scans on or off.
	 * @param enabled whether scheduled scans run
	 * @param now the time of the change
	 * @return whether anything changed
	 */
	boolean enable(boolean enabled, Instant now) {
		if (this.enabled == enabled) {
			return false;
		}
		this.enabled = enabled;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Add a tag.
	 * @param tag a valid, normalised tag
	 * @param now the time of the change
	 * @return whether anything changed
	 */
	boolean addTag(String tag, Instant now) {
		if (!this.tags.add(tag)) {
			return false;
		}
		this.updatedAt = now;
		return true;
	}

	/**
	 * Remove a tag.
	 * @param tag a normalised tag
	 * @param now the time of the change
	 * @return whether anything changed
	 */
	boolean removeTag(String tag, Instant now) {
		if (!this.tags.remove(tag)) {
			return false;
		}
		this.updatedAt = now;
		return true;
	}

	/** Whether the endpoint has this (normalised) tag. */
	boolean hasTag(String tag) {
		return this.tags.contains(tag);
	}

	/** How many tags the endpoint has. */
	int tagCount() {
		return this.tags.size();
	}

	private void applyOptions(ValidEndpoint values) {
		this.connectAddress = values.connectAddress();
		this.trustBundle = values.trustBundle();
		this.clientCertificate = values.clientCertificate();
		this.clientKey = values.clientKey();
	}

	private ValidEndpoint currentValues() {
		return new ValidEndpoint(this.host, this.port, this.tlsMode, this.sniName, this.scanIntervalMinutes,
				sortedTags(), this.enabled, this.connectAddress, this.trustBundle, this.clientCertificate,
				this.clientKey);
	}

	/** The stored client key (PEM), for keeping it when an update omits it. */
	@Nullable String clientKey() {
		return this.clientKey;
	}

	/** The client certificate and key, if both are stored. */
	@Nullable ClientCredentials clientCredentials() {
		return (this.clientCertificate != null && this.clientKey != null)
				? new ClientCredentials(this.clientCertificate, this.clientKey) : null;
	}

	private List<String> sortedTags() {
		return this.tags.stream().sorted().toList();
	}

	long getId() {
		return Objects.requireNonNull(this.id, "Endpoint is not stored yet");
	}

	EndpointDetails toDetails() {
		return new EndpointDetails(getId(), this.host, this.port, this.tlsMode, this.sniName, this.scanIntervalMinutes,
				this.enabled, sortedTags(), this.createdAt, this.updatedAt, new ConnectionOptions(this.connectAddress,
						this.trustBundle, this.clientCertificate, this.clientKey != null));
	}

}

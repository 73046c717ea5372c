package dev.tlswatch.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The per-address gauges and the snapshot they read. A scrape reads values held here; it
 * never queries the database. Changes come from {@link SnapshotUpdater}: a gauge exists
 * while its value is known (an address without chain has no expiry gauge), and every
 * gauge of an endpoint goes when the endpoint is deleted or its address disappears.
 */
@Component
class EndpointGauges {

	/** Earliest notAfter of the served chain, in seconds since the epoch. */
	static final String EXPIRY = "tlswatch.certificate.expiry.timestamp.seconds";

	/** 1 when the latest scan completed a handshake with the address. */
	static final String UP = "tlswatch.endpoint.up";

	/** Finding's verdict: 0 ok, 1 warning, 2 critical. */
	static final String STATUS = "tlswatch.endpoint.status";

	/** The grade as a number (see {@link AddressSnapshot#gradeNumber()}). */
	static final String GRADE = "tlswatch.endpoint.grade";

	private final MeterRegistry registry;

	/** Guarded by {@code this}. */
	private final Map<Long, EndpointSeries> endpoints = new HashMap<>();

	EndpointGauges(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Shows an endpoint's latest judged scan. An older scan than the one shown is ignored
	 * (events may arrive out of order); a changed host or port relabels.
	 * @param endpoint the endpoint's labels
	 * @param scanId the scan the snapshot comes from
	 * @param addresses one snapshot per address of that scan
	 */
	synchronized void show(EndpointLabels endpoint, long scanId, List<AddressSnapshot> addresses) {
		EndpointSeries series = this.endpoints.get(endpoint.id());
		if (series != null && series.scanId > scanId) {
			return;
		}
		if (series != null && !series.labels.equals(endpoint)) {
			removeAll(series);
			series = null;
		}
		if (series == null) {
			series = new EndpointSeries(endpoint);
			this.endpoints.put(endpoint.id(), series);
		}
		series.scanId = scanId;
		Set<String> seen = new HashSet<>();
		for (AddressSnapshot snapshot : addresses) {
			if (!seen.add(snapshot.address())) {
				continue;
			}
			AddressSeries address = series.addresses.computeIfAbsent(snapshot.address(), (key) -> new AddressSeries());
			address.snapshot = snapshot;
			sync(series.labels, address);
		}
		for (String gone : new ArrayList<>(series.addresses.keySet())) {
			if (!seen.contains(gone)) {
				removeMeters(series.addresses.remove(gone));
			}
		}
	}

	/**
	 * The labels an endpoint's series carry.
	 * @param endpointId the endpoint
	 * @return its labels, empty when the snapshot does not show it
	 */
	synchronized Optional<EndpointLabels> labelsOf(long endpointId) {
		EndpointSeries series = this.endpoints.get(endpointId);
		return (series != null) ? Optional.of(series.labels) : Optional.empty();
	}

	/**
	 * Relabels an endpoint whose host or port changed; its values stay until its next
	 * scan.
	 * @param endpoint the endpoint as stored now
	 */
	synchronized void relabel(EndpointLabels endpoint) {
		EndpointSeries series = this.endpoints.get(endpoint.id());
		if (series == null || series.labels.equals(endpoint)) {
			return;
		}
		EndpointSeries relabelled = new EndpointSeries(endpoint);
		relabelled.scanId = series.scanId;
		series.addresses.forEach((key, address) -> {
			AddressSeries copy = new AddressSeries();
			copy.snapshot = address.snapshot;
			relabelled.addresses.put(key, copy);
		});
		removeAll(series);
		this.endpoints.put(endpoint.id(), relabelled);
		relabelled.addresses.values().forEach((address) -> sync(endpoint, address));
	}

	/**
	 * Drops every gauge of a deleted endpoint.
	 * @param endpointId the endpoint
	 */
	synchronized void remove(long endpointId) {
		EndpointSeries series = this.endpoints.remove(endpointId);
		if (series != null) {
			removeAll(series);
		}
	}

	/**
	 * The scan an endpoint's gauges show.
	 * @param endpointId the endpoint
	 * @return the scan id, {@code -1} when none is shown
	 */
	synchronized long shownScan(long endpointId) {
		EndpointSeries series = this.endpoints.get(endpointId);
		return (series != null) ? series.scanId : -1;
	}

	/**
	 * How many endpoints the snapshot holds.
	 * @return the count
	 */
	synchronized int endpointCount() {
		return this.endpoints.size();
	}

	private void removeAll(EndpointSeries series) {
		series.addresses.values().forEach(this::removeMeters);
		series.addresses.clear();
	}

	private void removeMeters(AddressSeries address) {
		address.gauges.values().forEach(this.registry::remove);
		address.gauges.clear();
	}

	private void sync(EndpointLabels labels, AddressSeries address) {
		for (Metric metric : Metric.values()) {
			boolean known = metric.value.apply(address.snapshot) != null;
			Gauge gauge = address.gauges.get(metric);
			if (known && gauge == null) {
				address.gauges.put(metric, register(metric, labels, address));
			}
			else if (!known && gauge != null) {
				this.registry.remove(gauge);
				address.gauges.remove(metric);
			}
		}
	}

	private Gauge register(Metric metric, EndpointLabels labels, AddressSeries address) {
		Tags tags = Tags.of("endpoint_id", Long.toString(labels.id()), "host", labels.host(), "port",
				Integer.toString(labels.port()), "address", address.snapshot.address());
		return Gauge.builder(metric.meterName, address, (series) -> {
			Number value = metric.value.apply(series.snapshot);
			return (value != null) ? value.doubleValue() : Double.NaN;
		}).description(metric.description).tags(tags).strongReference(true).register(this.registry);
	}

	/**
	 * The labels of an endpoint's gauges.
	 *
	 * @param id the endpoint's id
	 * @param host its host name or address
	 * @param port its port
	 */
	record EndpointLabels(long id, String host, int port) {
	}

	private enum Metric {

		EXPIRY_SECONDS(EXPIRY, "Earliest notAfter in the chain the address served (seconds since the epoch)",
				(snapshot) -> (snapshot.earliestExpiry() != null) ? snapshot.earliestExpiry().getEpochSecond() : null),

		ENDPOINT_UP(UP, "1 when the latest scan completed a TLS handshake with the address, else 0",
				(snapshot) -> snapshot.up() ? 1 : 0),

		ENDPOINT_STATUS(STATUS, "The endpoint's status from its findings: 0 ok, 1 warning, 2 critical",
				AddressSnapshot::statusNumber),

		ENDPOINT_GRADE(GRADE, "The address's grade: A+ 8, A 7, A- 6, B 5, C 4, D 3, E 2, F 1, T/M 0",
				AddressSnapshot::gradeNumber);

		private final String meterName;

		private final String description;

		private final Function<AddressSnapshot, @Nullable Number> value;

		Metric(String meterName, String description, Function<AddressSnapshot, @Nullable Number> value) {
			this.meterName = meterName;
			this.description = description;
			this.value = value;
		}

	}

	private static final class EndpointSeries {

		private final EndpointLabels labels;

		private long scanId;

		private final Map<String, AddressSeries> addresses = new HashMap<>();

		EndpointSeries(EndpointLabels labels) {
			this.labels = labels;
		}

	}

	private static final class AddressSeries {

		private volatile AddressSnapshot snapshot = new AddressSnapshot(AddressSnapshot.UNRESOLVED, null, false,
				dev.tlswatch.finding.EndpointStatus.PENDING, null);

		private final Map<Metric, Gauge> gauges = new EnumMap<>(Metric.class);

	}

}

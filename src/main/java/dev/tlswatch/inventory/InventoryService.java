package dev.tlswatch.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tlswatch.endpoint.DuplicateEndpointException;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.InvalidEndpointException;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.scan.LatestScanSummary;
import dev.tlswatch.scan.Scans;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Imports through the registry's own validation and its all-or-nothing
 * {@link Endpoints#registerAll(List)}; exports a page of endpoints at a time with their
 * latest scans' headlines.
 */
@Service
class InventoryService implements Inventory {

	static final int EXPORT_PAGE_SIZE = 500;

	private static final String TLS_MODES = "must be one of " + Arrays.toString(TlsMode.values());

	private final Endpoints endpoints;

	private final Scans scans;

	private final Findings findings;

	InventoryService(Endpoints endpoints, Scans scans, Findings findings) {
		this.endpoints = endpoints;
		this.scans = scans;
		this.findings = findings;
	}

	@Override
	public ImportPreview preview(List<ImportRow> rows) {
		List<RowError> errors = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (ImportRow row : rows) {
			errors.addAll(check(row, seen));
		}
		return new ImportPreview(rows, errors);
	}

	@Override
	public List<EndpointDetails> importAll(List<ImportRow> rows) {
		ImportPreview preview = preview(rows);
		if (!preview.importable()) {
			throw new InvalidImportException(preview.errors());
		}
		return this.endpoints.registerAll(rows.stream().map((row) -> draft(row, new ArrayList<>())).toList());
	}

	@Override
	public List<ExportRow> export() {
		List<ExportRow> rows = new ArrayList<>();
		Page<EndpointDetails> page = this.endpoints.list(PageRequest.of(0, EXPORT_PAGE_SIZE));
		while (true) {
			rows.addAll(exportRows(page.getContent()));
			if (!page.hasNext()) {
				return List.copyOf(rows);
			}
			page = this.endpoints.list(page.nextPageable());
		}
	}

	private List<ExportRow> exportRows(List<EndpointDetails> endpoints) {
		List<Long> ids = endpoints.stream().map(EndpointDetails::id).toList();
		Map<Long, LatestScanSummary> latest = this.scans.latestSummaries(ids);
		Map<Long, EndpointStatus> status = this.findings.statusOf(ids);
		Map<Long, List<FindingDetails>> findingsByScan = latest.isEmpty() ? Map.of()
				: this.findings.forScans(latest.values().stream().map(LatestScanSummary::scanId).toList());
		return endpoints.stream().map((endpoint) -> {
			LatestScanSummary scan = latest.get(endpoint.id());
			List<String> codes = (scan != null) ? findingsByScan.getOrDefault(scan.scanId(), List.of())
				.stream()
				.map(FindingDetails::code)
				.distinct()
				.toList() : List.of();
			return new ExportRow(endpoint.id(), endpoint.host(), endpoint.port(), endpoint.tlsMode().name(),
					endpoint.sniName(), endpoint.tags(), endpoint.scanIntervalMinutes(), endpoint.enabled(),
					status.getOrDefault(endpoint.id(), EndpointStatus.PENDING).name(),
					(scan != null) ? scan.scannedAt() : null, (scan != null) ? scan.leafNotAfter() : null,
					(scan != null) ? scan.protocol() : null, (scan != null) ? scan.cipherSuite() : null, codes);
		}).toList();
	}

	private List<RowError> check(ImportRow row, Map<String, Integer> seen) {
		List<RowError> errors = new ArrayList<>();
		EndpointDraft draft = draft(row, errors);
		Set<String> reported = errors.stream().map(RowError::field).collect(Collectors.toSet());
		try {
			String identity = this.endpoints.validate(draft);
			Integer first = seen.putIfAbsent(identity, row.index());
			if (first != null && errors.isEmpty()) {
				errors.add(new RowError(row.index(), "host",
						"repeats row " + (first + 1) + ": host, port and sniName must be unique"));
			}
		}
		catch (InvalidEndpointException ex) {
			ex.getViolations()
				.stream()
				.map((violation) -> new RowError(row.index(), column(violation.field()), violation.message()))
				.filter((error) -> !reported.contains(error.field()))
				.forEach(errors::add);
		}
		catch (DuplicateEndpointException ex) {
			errors.add(new RowError(row.index(), "host",
					"host, port and sniName are already registered as endpoint " + ex.getExistingId()));
		}
		return errors;
	}

	/**
	 * The draft of a row; values that are not numbers or modes are errors and left out.
	 */
	private static EndpointDraft draft(ImportRow row, List<RowError> errors) {
		Integer port = number(row, "port", row.port(), errors);
		Integer interval = number(row, "interval", row.interval(), errors);
		TlsMode tlsMode = tlsMode(row, errors);
		List<String> tags = Arrays.stream(row.tags().split("[\\s;]+")).filter((tag) -> !tag.isEmpty()).toList();
		return new EndpointDraft(row.host(), port, tlsMode, row.sniName(), interval, tags, null);
	}

	private static @Nullable Integer number(ImportRow row, String field, String value, List<RowError> errors) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			errors.add(new RowError(row.index(), field, "must be a whole number"));
			return null;
		}
	}

	private static @Nullable TlsMode tlsMode(ImportRow row, List<RowError> errors) {
		if (row.tlsMode().isEmpty()) {
			return null;
		}
		try {
			return TlsMode.valueOf(row.tlsMode().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(new RowError(row.index(), "tlsMode", TLS_MODES));
			return null;
		}
	}

	/** The registry's field names as the file's columns. */
	private static String column(String field) {
		if (field.startsWith("tags")) {
			return "tags";
		}
		return field.equals("scanIntervalMinutes") ? "interval" : field;
	}

}

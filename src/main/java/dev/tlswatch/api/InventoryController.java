package dev.tlswatch.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import dev.tlswatch.inventory.ExportRow;
import dev.tlswatch.inventory.ImportRow;
import dev.tlswatch.inventory.Inventory;
import dev.tlswatch.inventory.InventoryCsv;
import dev.tlswatch.inventory.InventoryFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/export} and {@code /api/v1/endpoints/import}: the inventory out as CSV
 * or JSON, and a CSV or JSON file in, all rows or none.
 */
@RestController
@Tag(name = "Import and export", description = "The endpoint inventory as CSV or JSON")
@ProblemResponses.BadRequest
class InventoryController {

	static final String EXPORT_PATH = "/api/v1/export";

	static final String IMPORT_PATH = EndpointController.PATH + "/import";

	static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

	private final Inventory inventory;

	InventoryController(Inventory inventory) {
		this.inventory = inventory;
	}

	@GetMapping(EXPORT_PATH)
	@Operation(summary = "Export every endpoint with its latest scan's headline",
			description = "CSV (RFC 4180, cells a spreadsheet would run as formulas prefixed with ') or a JSON array; "
					+ "sent as an attachment.")
	ResponseEntity<?> export(
			@Parameter(description = "`csv` or `json`") @RequestParam(defaultValue = "json") String format) {
		String chosen = format.strip().toLowerCase(Locale.ROOT);
		if (!chosen.equals("csv") && !chosen.equals("json")) {
			throw ApiProblems.invalidParameter("format", "must be csv or json");
		}
		List<ExportRow> rows = this.inventory.export();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentDisposition(ContentDisposition.attachment().filename("tlswatch-endpoints." + chosen).build());
		if (chosen.equals("csv")) {
			headers.setContentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8));
			return new ResponseEntity<>(InventoryCsv.write(rows), headers, HttpStatus.OK);
		}
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new ResponseEntity<>(rows, headers, HttpStatus.OK);
	}

	@PostMapping(path = IMPORT_PATH, consumes = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "Import endpoints from a CSV or JSON file, all or none",
			description = "CSV with the header row host,port,tlsMode,sniName,tags,interval (tags separated by spaces "
					+ "or semicolons), or a JSON array of objects with these properties; at most 1 MiB and "
					+ InventoryFiles.MAX_ROWS + " rows.")
	@ApiResponse(responseCode = "201", description = "Every row registered; the stored endpoints in row order")
	@ApiResponse(responseCode = "422", description = "Rows are invalid; `errors` names each as `rows[i].field`")
	@ProblemResponses.DuplicateEndpoint
	ResponseEntity<List<EndpointResponse>> importAll(HttpServletRequest request) throws IOException {
		String text = InventoryFiles.text(body(request));
		boolean csv = request.getContentType() != null
				&& MediaType.parseMediaType(request.getContentType()).isCompatibleWith(TEXT_CSV);
		List<ImportRow> rows = csv ? InventoryFiles.parseCsv(text) : InventoryFiles.parseJson(text);
		List<EndpointResponse> created = this.inventory.importAll(rows).stream().map(EndpointResponse::of).toList();
		return ResponseEntity.status(HttpStatus.CREATED).body(created);
	}

	/** At most one byte more than allowed, which tells it was too long. */
	private static byte[] body(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			return in.readNBytes(InventoryFiles.MAX_BYTES + 1);
		}
	}

}

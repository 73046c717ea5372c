package dev.tlswatch.api;

import java.util.Locale;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.scan.Scans;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/certificates/{sha256}}: a certificate seen in any scan, as JSON or as a
 * PEM file.
 */
@RestController
@RequestMapping("/api/v1/certificates")
@Tag(name = "Certificates", description = "Certificates seen in scans, by SHA-256 fingerprint")
@ProblemResponses.BadRequest
@ApiResponse(responseCode = "404", description = "No certificate with this fingerprint was seen",
		content = @Content(mediaType = ApiProblems.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
class CertificateController {

	static final String PEM_MEDIA_TYPE = "application/x-pem-file";

	/** Hex SHA-256, in either case. */
	private static final String SHA256 = "[0-9a-fA-F]{64}";

	private final Scans scans;

	CertificateController(Scans scans) {
		this.scans = scans;
	}

	@GetMapping("/{sha256}")
	@Operation(summary = "A certificate with its PEM encoding")
	CertificateResponse get(@Parameter(description = "SHA-256 of the DER encoding, hex") @PathVariable @Pattern(
			regexp = SHA256, message = "must be 64 hexadecimal digits") String sha256) {
		return CertificateResponse.of(find(sha256));
	}

	@GetMapping(path = "/{sha256}.pem", produces = PEM_MEDIA_TYPE)
	@Operation(summary = "A certificate as a PEM file")
	@ApiResponse(responseCode = "200", description = "The PEM file",
			content = @Content(mediaType = PEM_MEDIA_TYPE, schema = @Schema(type = "string")))
	ResponseEntity<String> pem(@Parameter(description = "SHA-256 of the DER encoding, hex") @PathVariable @Pattern(
			regexp = SHA256, message = "must be 64 hexadecimal digits") String sha256) {
		CertificateInfo certificate = find(sha256);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(PEM_MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(certificate.sha256() + ".pem").build().toString())
			.body(certificate.pem());
	}

	private CertificateInfo find(String sha256) {
		String normalised = sha256.toLowerCase(Locale.ROOT);
		return this.scans.certificate(normalised).orElseThrow(() -> ApiProblems.certificateNotFound(normalised));
	}

}

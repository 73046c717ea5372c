package dev.tlswatch.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.scan.Scans;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A certificate of a chain on the endpoint page as a PEM file to save: the stored copy
 * from the scan, never fetched again, under a file name made only of safe characters.
 */
@Controller
class CertificateDownloadController {

	static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

	private static final int SHA256_HEX_LENGTH = 64;

	/**
	 * Enough of the common name to recognise the file, short enough for any file system.
	 */
	private static final int MAX_NAME_LENGTH = 64;

	private static final int FINGERPRINT_IN_NAME = 12;

	private static final Pattern COMMON_NAME = Pattern.compile("(?:^|,)\\s*CN=([^,]*)");

	private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

	private final Scans scans;

	CertificateDownloadController(Scans scans) {
		this.scans = scans;
	}

	@GetMapping("/certificates/{sha256:[0-9a-fA-F]+}.pem")
	ResponseEntity<String> pem(@PathVariable String sha256) {
		if (sha256.length() != SHA256_HEX_LENGTH) {
			throw notFound();
		}
		CertificateInfo certificate = this.scans.certificate(sha256.toLowerCase(Locale.ROOT))
			.orElseThrow(CertificateDownloadController::notFound);
		return ResponseEntity.ok()
			.contentType(PEM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName(certificate)).build().toString())
			.body(certificate.pem());
	}

	/**
	 * The file name: the subject's common name (from a hostile server, so only letters,
	 * digits, dot, dash and underscore survive) and the start of the fingerprint, for
	 * example {@code example.com-ab12cd34ef56.pem}.
	 */
	static String fileName(CertificateInfo certificate) {
		String fingerprint = certificate.sha256().substring(0, FINGERPRINT_IN_NAME);
		Matcher commonName = COMMON_NAME.matcher(certificate.subject());
		String name = commonName.find() ? UNSAFE.matcher(commonName.group(1).strip()).replaceAll("_") : "";
		name = name.replaceAll("^[._-]+", "");
		if (name.length() > MAX_NAME_LENGTH) {
			name = name.substring(0, MAX_NAME_LENGTH);
		}
		return (name.isEmpty() ? "certificate" : name) + "-" + fingerprint + ".pem";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No certificate with this fingerprint was seen");
	}

}

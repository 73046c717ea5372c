package dev.tlswatch.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.scan.Scans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.tlswatch.web.WebFixtures.NOW;
import static dev.tlswatch.web.WebFixtures.certificate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The PEM download of a stored certificate: an attachment under a safe file name.
 */
@WebMvcTest(CertificateDownloadController.class)
@WithMockUser(roles = "VIEWER")
class CertificateDownloadControllerTests {

	private static final String SHA = "ab".repeat(32);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Scans scans;

	@Test
	void storedCertificateIsAnAttachmentNamedAfterItsCommonNameAndFingerprint() throws Exception {
		CertificateInfo stored = certificate(SHA, "CN=mail.example.com,O=Example", "CN=CA",
				NOW.plus(Duration.ofDays(9)));
		given(this.scans.certificate(SHA)).willReturn(Optional.of(stored));

		this.mvc.perform(get("/certificates/" + SHA.toUpperCase() + ".pem"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/x-pem-file"))
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"mail.example.com-abababababab.pem\""))
			.andExpect(content().string(stored.pem()));
	}

	@Test
	void hostileCommonNamesBecomeSafeFileNames() {
		assertThat(fileName("CN=../../etc/passwd\"; x=\r\n")).isEqualTo("etc_passwd_x_-abababababab.pem");
		assertThat(fileName("CN=*.example.com")).isEqualTo("example.com-abababababab.pem");
		assertThat(fileName("O=No common name")).isEqualTo("certificate-abababababab.pem");
		assertThat(fileName("CN=" + "é".repeat(5))).isEqualTo("certificate-abababababab.pem");
		assertThat(fileName("CN=" + "a".repeat(500))).isEqualTo("a".repeat(64) + "-abababababab.pem");
	}

	@Test
	void unknownOrMalformedFingerprintsAreNotFound() throws Exception {
		given(this.scans.certificate(SHA)).willReturn(Optional.empty());

		this.mvc.perform(get("/certificates/" + SHA + ".pem")).andExpect(status().isNotFound());
		this.mvc.perform(get("/certificates/abcd.pem")).andExpect(status().isNotFound());
		this.mvc.perform(get("/certificates/" + "zz".repeat(32) + ".pem")).andExpect(status().isNotFound());
		then(this.scans).should().certificate(SHA);
	}

	private static String fileName(String subject) {
		return CertificateDownloadController.fileName(new CertificateInfo(SHA, subject, "CN=CA", "01", List.of(), NOW,
				NOW.plus(Duration.ofDays(1)), "EC", 256, "SHA256withECDSA", false, "pem"));
	}

}

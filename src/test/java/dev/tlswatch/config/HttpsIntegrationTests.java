package dev.tlswatch.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestAdmin;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestTrustBundle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLSWatch serving its own pages over HTTPS from a PEM SSL bundle (a certificate of the
 * test CA for localhost): HSTS is sent, and the session and remember-me cookies are
 * {@code Secure}, {@code HttpOnly} and {@code SameSite=Lax}.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "server.ssl.bundle=tlswatch" })
class HttpsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAdmin admin;

	@DynamicPropertySource
	static void pemBundle(DynamicPropertyRegistry registry) {
		TestCertificates.Issued server = TestCertificates.localhost(TestTrustBundle.ca());
		try {
			Path directory = Files.createTempDirectory("tlswatch-https-");
			Path chain = directory.resolve("chain.pem");
			Path key = directory.resolve("key.pem");
			StringBuilder certificates = new StringBuilder();
			for (X509Certificate certificate : server.chainWithoutRoot()) {
				certificates.append(pem("CERTIFICATE", certificate.getEncoded()));
			}
			Files.writeString(chain, certificates);
			Files.writeString(key, pem("PRIVATE KEY", server.key().getEncoded()));
			registry.add("spring.ssl.bundle.pem.tlswatch.keystore.certificate", () -> "file:" + chain);
			registry.add("spring.ssl.bundle.pem.tlswatch.keystore.private-key", () -> "file:" + key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void pagesAreServedOverHttpsWithHstsAndSecureCookies() throws Exception {
		try (HttpClient http = client()) {
			HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(login.statusCode()).isEqualTo(200);
			assertThat(login.headers().firstValue("Strict-Transport-Security"))
				.hasValue("max-age=31536000 ; includeSubDomains");
			String session = cookie(login.headers().allValues("Set-Cookie"), "JSESSIONID");
			assertThat(session).contains("; Secure", "; HttpOnly", "; SameSite=Lax");

			String csrf = field(login.body(), "_csrf");
			HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", session.substring(0, session.indexOf(';')))
				.POST(HttpRequest.BodyPublishers.ofString(form("username", this.admin.username(), "password",
						this.admin.password(), "remember-me", "on", "_csrf", csrf)))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(signedIn.statusCode()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/endpoints");
			assertThat(cookie(signedIn.headers().allValues("Set-Cookie"), "tlswatch-remember-me")).contains("; Secure",
					"; HttpOnly", "; SameSite=Lax");
		}
	}

	@Test
	void theApiAnswersOverHttpsWithAToken() throws Exception {
		try (HttpClient http = client()) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/endpoints"))
				.header("Authorization", this.admin.authorization())
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
		}
	}

	private URI uri(String path) {
		return URI.create("https://localhost:" + this.port + path);
	}

	private static HttpClient client() throws Exception {
		KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		trust.setCertificateEntry("test-ca", TestTrustBundle.ca().certificate());
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return HttpClient.newBuilder().sslContext(context).build();
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static String cookie(List<String> setCookies, String name) {
		return setCookies.stream()
			.filter((value) -> value.startsWith(name + "=") && !value.startsWith(name + "=;"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No cookie " + name + " in " + setCookies));
	}

	private static String field(String html, String name) {
		Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("hidden field %s", name).isTrue();
		return matcher.group(1);
	}

	private static String form(String... pairs) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			body.append((i > 0) ? "&" : "")
				.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}

}

package dev.tlswatch.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole IANA TLS Cipher Suites registry, each suite split into its parts and
 * classified (see {@link CipherStrength}). Read once from {@code cipher-suites.tsv}
 * beside this class.
 */
public final class CipherSuites {

	private static final String REGISTRY = "cipher-suites.tsv";

	private static final Registry registry = load();

	private CipherSuites() {
	}

	/**
	 * Every registered suite, in code order.
	 * @return the registry
	 */
	public static List<CipherSuite> all() {
		return registry.all();
	}

	/**
	 * The suite with a code point.
	 * @param code two bytes
	 * @return the suite, empty if the code is not registered
	 */
	public static Optional<CipherSuite> byCode(int code) {
		return Optional.ofNullable(registry.byCode().get(code));
	}

	/**
	 * The suite with an IANA name; the JDK's names for TLS suites are the IANA names, and
	 * its {@code SSL_} prefixed legacy names are accepted too.
	 * @param name the name
	 * @return the suite, empty if unknown
	 */
	public static Optional<CipherSuite> byName(String name) {
		String iana = name.startsWith("SSL_") ? "TLS_" + name.substring(4) : name;
		return Optional.ofNullable(registry.byName().get(iana));
	}

	private static Registry load() {
		try (InputStream in = CipherSuites.class.getResourceAsStream(REGISTRY)) {
			if (in == null) {
				throw new IllegalStateException("Missing cipher-suite registry " + REGISTRY);
			}
			return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to read cipher-suite registry " + REGISTRY, ex);
		}
	}

	private static Registry read(BufferedReader reader) throws IOException {
		List<CipherSuite> suites = new ArrayList<>();
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] fields = line.split("\t");
			suites.add(CipherSuiteNames.parse(Integer.parseInt(fields[0], 16), fields[1]));
		}
		Map<Integer, CipherSuite> byCode = new LinkedHashMap<>();
		Map<String, CipherSuite> byName = new LinkedHashMap<>();
		suites.forEach((suite) -> {
			byCode.put(suite.code(), suite);
			byName.put(suite.name(), suite);
		});
		return new Registry(List.copyOf(suites), Collections.unmodifiableMap(byCode),
				Collections.unmodifiableMap(byName));
	}

	private record Registry(List<CipherSuite> all, Map<Integer, CipherSuite> byCode, Map<String, CipherSuite> byName) {
	}

}

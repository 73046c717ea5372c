package dev.tlswatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tlswatch.endpoint.TlsMode;
import org.jspecify.annotations.Nullable;

/**
 * The parsed arguments of {@code probe}.
 *
 * @param mode how TLS starts ({@code AUTO} by default)
 * @param sniName the SNI name to send and expect, {@code null} for each target's host
 * @param connectTo an address to connect to instead of resolving the host
 * @param trustBundle a PEM file of extra trust anchors
 * @param clientCertificate a PEM file of the client certificate chain, leaf first
 * @param clientKey a PEM file of the client certificate's private key
 * @param json whether to print one JSON document per target
 * @param targets {@code HOST:PORT} targets
 */
record ProbeArguments(TlsMode mode, @Nullable String sniName, @Nullable String connectTo, @Nullable Path trustBundle,
		@Nullable Path clientCertificate, @Nullable Path clientKey, boolean json, List<Target> targets) {

	static final String USAGE = """
			Usage: java -jar tlswatch.jar probe [--mode AUTO|IMPLICIT|STARTTLS_SMTP|STARTTLS_IMAP|STARTTLS_POP3|
			           STARTTLS_FTP|STARTTLS_LDAP|STARTTLS_XMPP|STARTTLS_POSTGRES|
			           STARTTLS_MYSQL|STARTTLS_NNTP|STARTTLS_SIEVE|STARTTLS_LMTP|STARTTLS_IRC] [--sni NAME]
			           [--connect-to ADDRESS] [--trust FILE.pem] [--client-cert FILE.pem --client-key FILE.pem]
			           [--json] HOST:PORT [HOST:PORT ...]
			""";

	ProbeArguments {
		targets = List.copyOf(targets);
	}

	/**
	 * Parse the arguments after {@code probe}.
	 * @param args the arguments
	 * @return the parsed arguments
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static ProbeArguments parse(List<String> args) {
		TlsMode mode = TlsMode.AUTO;
		String sni = null;
		String connectTo = null;
		Path trust = null;
		Path clientCertificate = null;
		Path clientKey = null;
		boolean json = false;
		List<Target> targets = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			switch (arg) {
				case "--mode" -> mode = mode(value(args, ++i, arg));
				case "--sni" -> sni = value(args, ++i, arg);
				case "--connect-to" -> connectTo = value(args, ++i, arg);
				case "--trust" -> trust = Path.of(value(args, ++i, arg));
				case "--client-cert" -> clientCertificate = Path.of(value(args, ++i, arg));
				case "--client-key" -> clientKey = Path.of(value(args, ++i, arg));
				case "--json" -> json = true;
				default -> {
					if (arg.startsWith("--")) {
						throw new IllegalArgumentException("Unknown option " + arg);
					}
					targets.add(Target.parse(arg));
				}
			}
		}
		if (targets.isEmpty()) {
			throw new IllegalArgumentException("No target given");
		}
		if ((clientCertificate == null) != (clientKey == null)) {
			throw new IllegalArgumentException("--client-cert and --client-key go together");
		}
		return new ProbeArguments(mode, sni, connectTo, trust, clientCertificate, clientKey, json, targets);
	}

	private static String value(List<String> args, int index, String option) {
		if (index >= args.size()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args.get(index);
	}

	private static TlsMode mode(String value) {
		try {
			return TlsMode.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown --mode " + value, ex);
		}
	}

	/**
	 * One {@code HOST:PORT} (IPv6 literals in brackets).
	 *
	 * @param host the host name or IP literal
	 * @param port the port
	 */
	record Target(String host, int port) {

		static Target parse(String text) {
			int colon = text.lastIndexOf(':');
			if (colon <= 0 || colon == text.length() - 1) {
				throw new IllegalArgumentException("Targets are HOST:PORT, not " + text);
			}
			String host = text.substring(0, colon);
			if (host.startsWith("[") && host.endsWith("]")) {
				host = host.substring(1, host.length() - 1);
			}
			int port;
			try {
				port = Integer.parseInt(text.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Not a port in " + text, ex);
			}
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("Port must be between 1 and 65535 in " + text);
			}
			return new Target(host, port);
		}

		@Override
		public String toString() {
			return (this.host.indexOf(':') >= 0 ? "[" + this.host + "]" : this.host) + ":" + this.port;
		}

	}

}

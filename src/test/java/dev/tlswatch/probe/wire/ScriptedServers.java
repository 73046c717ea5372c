package dev.tlswatch.probe.wire;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import dev.tlswatch.probe.wire.ClientHelloBuilderTests.Hello;
import dev.tlswatch.support.TestTcpServer.ConnectionHandler;
import org.jspecify.annotations.Nullable;

import static dev.tlswatch.probe.wire.WireProbeFixture.readRecord;

/**
 * Hand-made answers to the probes' ClientHellos, for what JSSE will not do: old versions,
 * 3DES, post-quantum groups, and servers that break the rules. Each handler reads one
 * ClientHello and answers with one record.
 */
public final class ScriptedServers {

	private static final HexFormat hex = HexFormat.of();

	private static final String RANDOM = "aa".repeat(32);

	private static final String HRR_RANDOM = "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";

	// renegotiation_info with an empty renegotiated_connection
	private static final String RENEGOTIATION_INFO = "ff01" + "0001" + "00";

	private ScriptedServers() {
	}

	/**
	 * A server of one version up to TLS 1.2 that accepts some suites, choosing by its own
	 * order or the client's; it refuses other versions and hellos without a common suite
	 * with an alert.
	 * @param version the version code
	 * @param preference the suites it accepts, in its order
	 * @param serverOrder whether its order decides
	 * @return the handler
	 */
	public static ConnectionHandler suites(int version, List<Integer> preference, boolean serverOrder) {
		return reading((socket, hello) -> answerSuites(socket, hello, version, preference, serverOrder));
	}

	/**
	 * A server that closes the connection at once on a ClientHello with too many suites,
	 * and is otherwise {@link #suites(int, List, boolean)}.
	 * @param maxSuites the most suites it stands
	 * @param version the version code
	 * @param preference the suites it accepts, in its order
	 * @return the handler
	 */
	static ConnectionHandler intolerant(int maxSuites, int version, List<Integer> preference) {
		return reading((socket, hello) -> {
			if (hello.cipherSuites().size() > maxSuites) {
				socket.shutdownOutput();
				drain(socket);
				return;
			}
			answerSuites(socket, hello, version, preference, true);
		});
	}

	/**
	 * A server that answers every ClientHello with a ServerHello of a version and suite
	 * of its own choice.
	 * @param version the version code of the ServerHello
	 * @param chooser picks the suite from those offered
	 * @return the handler
	 */
	static ConnectionHandler choosing(int version, Function<List<Integer>, Integer> chooser) {
		return reading((socket, hello) -> answer(socket, serverHello(version, chooser.apply(hello.cipherSuites()))));
	}

	/**
	 * A TLS 1.3 server that asks for a key share of the first group of its own order the
	 * client offers, in a HelloRetryRequest; an alert if none.
	 * @param preference the groups it accepts, in its order
	 * @param suite the suite its HelloRetryRequest names
	 * @return the handler
	 */
	static ConnectionHandler helloRetryRequests(List<Integer> preference, int suite) {
		return reading((socket, hello) -> {
			Integer group = choose(preference, supportedGroups(hello), true);
			answer(socket, (group != null) ? helloRetryRequest(suite, group) : alert(40));
		});
	}

	/**
	 * A TLS 1.3 server that names a group in its HelloRetryRequest whatever the client
	 * offers.
	 * @param group the group
	 * @return the handler
	 */
	static ConnectionHandler retryingWith(int group) {
		return reading((socket, hello) -> answer(socket, helloRetryRequest(0x1301, group)));
	}

	/**
	 * The groups a ClientHello offers.
	 * @param hello the ClientHello
	 * @return the codes of supported_groups
	 */
	static List<Integer> supportedGroups(Hello hello) {
		ByteBuffer groups = ByteBuffer.wrap(hello.extensions().get(10));
		int length = groups.getShort() & 0xFFFF;
		return IntStream.range(0, length / 2).mapToObj((i) -> groups.getShort() & 0xFFFF).toList();
	}

	/**
	 * A handler that reads one ClientHello record and answers it.
	 * @param handler what to answer
	 * @return the handler
	 */
	static ConnectionHandler reading(HelloHandler handler) {
		return (socket) -> handler.handle(socket, Hello.parse(readRecord(socket)));
	}

	/**
	 * A TLS 1.0 to 1.2 ServerHello record with an empty session id and
	 * renegotiation_info.
	 * @param version the version code
	 * @param suite the suite
	 * @return the record in hex
	 */
	static String serverHello(int version, int suite) {
		String body = "%04x".formatted(version) + RANDOM + "00" + "%04x".formatted(suite) + "00"
				+ vector16(RENEGOTIATION_INFO);
		return record("16", "%04x".formatted(version), handshake("02", body));
	}

	/**
	 * A HelloRetryRequest record (RFC 8446 §4.1.4).
	 * @param suite the suite
	 * @param group the group it asks a key share for
	 * @return the record in hex
	 */
	static String helloRetryRequest(int suite, int group) {
		String extensions = "002b" + "0002" + "0304" + "0033" + "0002" + "%04x".formatted(group);
		String body = "0303" + HRR_RANDOM + "00" + "%04x".formatted(suite) + "00" + vector16(extensions);
		return record("16", "0303", handshake("02", body));
	}

	/**
	 * A fatal alert record.
	 * @param description the description code
	 * @return the record in hex
	 */
	static String alert(int description) {
		return record("15", "0303", "02" + "%02x".formatted(description));
	}

	static String record(String contentType, String version, String fragment) {
		return contentType + version + "%04x".formatted(fragment.length() / 2) + fragment;
	}

	static String handshake(String type, String body) {
		return type + "%06x".formatted(body.length() / 2) + body;
	}

	static String vector16(String content) {
		return "%04x".formatted(content.length() / 2) + content;
	}

	/**
	 * Send an answer, half-close, and wait for the client to close first, so that it
	 * reads the answer rather than a reset.
	 * @param socket the connection
	 * @param answer the bytes in hex
	 * @throws Exception if the client went away
	 */
	static void answer(Socket socket, String answer) throws Exception {
		OutputStream output = socket.getOutputStream();
		output.write(hex.parseHex(answer));
		output.flush();
		socket.shutdownOutput();
		drain(socket);
	}

	private static void drain(Socket socket) throws Exception {
		while (socket.getInputStream().read() >= 0) {
			// Until the client closes
		}
	}

	/**
	 * Answer a ClientHello as {@link #suites(int, List, boolean)} does.
	 * @param socket the connection
	 * @param hello the ClientHello read from it
	 * @param version the version code
	 * @param preference the suites it accepts, in its order
	 * @param serverOrder whether its order decides
	 * @throws Exception if the client went away
	 */
	static void answerSuites(Socket socket, Hello hello, int version, List<Integer> preference, boolean serverOrder)
			throws Exception {
		if (hello.clientVersion() != version) {
			answer(socket, alert(70));
			return;
		}
		Integer chosen = choose(preference, hello.cipherSuites(), serverOrder);
		answer(socket, (chosen != null) ? serverHello(version, chosen) : alert(40));
	}

	private static @Nullable Integer choose(List<Integer> preference, List<Integer> offered, boolean serverOrder) {
		Predicate<Integer> common = serverOrder ? offered::contains : preference::contains;
		return (serverOrder ? preference : offered).stream().filter(common).findFirst().orElse(null);
	}

	/**
	 * Answers one ClientHello.
	 */
	@FunctionalInterface
	interface HelloHandler {

		void handle(Socket socket, Hello hello) throws Exception;

	}

}

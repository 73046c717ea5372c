package dev.tlswatch.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server standing in for every service a channel talks to: it records
 * each request (method, path with query, headers, body) and answers with the status
 * queued for its path, 200 once none is queued.
 */
final class HttpReceiver implements AutoCloseable {

	private static final int MAX_BODY = 256 * 1024;

	private final HttpServer server;

	private final Map<String, Deque<Integer>> answers = new HashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private HttpReceiver(HttpServer server) {
		this.server = server;
	}

	static HttpReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			HttpReceiver receiver = new HttpReceiver(server);
			server.createContext("/", receiver::handle);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to start the HTTP test receiver", ex);
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	synchronized void answer(String path, List<Integer> statuses) {
		this.answers.computeIfAbsent(path, (key) -> new ArrayDeque<>()).addAll(statuses);
	}

	/**
	 * The requests to a path (with query) whose body contains the text.
	 */
	List<Request> requests(String pathAndQuery, String bodyContains) {
		return this.requests.stream()
			.filter((request) -> request.path().equals(pathAndQuery) && request.body().contains(bodyContains))
			.toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
			String path = exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
					? "?" + exchange.getRequestURI().getRawQuery() : "");
			Map<String, String> headers = new HashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
			int status = next(exchange.getRequestURI().getRawPath());
			this.requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(headers), body, status));
			exchange.sendResponseHeaders(status, -1);
		}
	}

	private synchronized int next(String path) {
		Deque<Integer> queued = this.answers.get(path);
		Integer status = (queued != null) ? queued.poll() : null;
		return (status != null) ? status : 200;
	}

	/**
	 * One request.
	 *
	 * @param method its method
	 * @param path its raw path and query
	 * @param headers its headers, names in lower case
	 * @param body its body
	 * @param status the status it was answered with
	 */
	record Request(String method, String path, Map<String, String> headers, String body, int status) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}

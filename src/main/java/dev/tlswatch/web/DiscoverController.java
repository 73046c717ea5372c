package dev.tlswatch.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlswatch.scan.DiscoveredPort;
import dev.tlswatch.scan.Discovery;
import dev.tlswatch.scan.DiscoveryReport;
import dev.tlswatch.scan.InvalidDiscoveryTargetException;
import dev.tlswatch.scan.PortState;
import dev.tlswatch.scan.ScanRateLimitedException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The discover page: a host goes in, the well-known TLS ports come out with what each
 * showed, and a button registers each TLS port through the endpoint form's handler.
 */
@Controller
class DiscoverController {

	static final String VIEW = "discover";

	/** Longest host input kept; longer input is cut before anything looks at it. */
	static final int MAX_HOST_INPUT = 300;

	private final Discovery discovery;

	DiscoverController(Discovery discovery) {
		this.discovery = discovery;
	}

	@GetMapping("/discover")
	String form(@RequestParam(defaultValue = "") String host, Model model) {
		return show(model, bounded(host), null, null);
	}

	@PostMapping("/discover")
	String discover(@RequestParam(defaultValue = "") String host, Model model, HttpServletResponse response) {
		String input = bounded(host);
		try {
			return show(model, input, DiscoverView.of(this.discovery.discover(input)), null);
		}
		catch (InvalidDiscoveryTargetException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(model, input, null, "Host " + ex.getMessage() + ".");
		}
		catch (ScanRateLimitedException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return show(model, input, null,
					"Not discovered: " + ex.getMessage() + " Try again in " + ex.getRetryAfterSeconds() + " s.");
		}
	}

	private String show(Model model, String host, @Nullable DiscoverView result, @Nullable String error) {
		model.addAttribute("host", host);
		model.addAttribute("result", result);
		model.addAttribute("hostError", error);
		model.addAttribute("ports", this.discovery.ports());
		return VIEW;
	}

	private static String bounded(String host) {
		return (host.length() > MAX_HOST_INPUT) ? host.substring(0, MAX_HOST_INPUT) : host;
	}

	/**
	 * The results as the page shows them.
	 *
	 * @param host the host discovered
	 * @param rows one per address and port that answered or timed out: TLS first, then
	 * open without TLS, then timed out, each in the order tried
	 * @param closed the closed ports, grouped by address
	 * @param closedCount how many address and port pairs are closed
	 * @param tlsCount how many speak TLS
	 * @param finishedAt when discovery ended
	 */
	record DiscoverView(String host, List<Row> rows, List<ClosedPorts> closed, int closedCount, int tlsCount,
			Timestamp finishedAt) {

		static DiscoverView of(DiscoveryReport report) {
			List<Row> rows = report.ports()
				.stream()
				.filter((port) -> port.state() != PortState.CLOSED)
				.sorted(Comparator.comparingInt((DiscoveredPort port) -> rank(port.state())))
				.map(Row::of)
				.toList();
			Map<String, List<Integer>> closed = new LinkedHashMap<>();
			report.ports()
				.stream()
				.filter((port) -> port.state() == PortState.CLOSED)
				.forEach((port) -> closed.computeIfAbsent(port.address(), (address) -> new ArrayList<>())
					.add(port.port()));
			List<ClosedPorts> closedPorts = closed.entrySet()
				.stream()
				.map((entry) -> new ClosedPorts(entry.getKey(), List.copyOf(entry.getValue())))
				.toList();
			int closedCount = closedPorts.stream().mapToInt((ports) -> ports.ports().size()).sum();
			return new DiscoverView(report.host(), rows, closedPorts, closedCount, report.tlsPorts().size(),
					Timestamp.of(report.finishedAt()));
		}

		private static int rank(PortState state) {
			return switch (state) {
				case TLS -> 0;
				case OPEN_NO_TLS -> 1;
				case TIMED_OUT -> 2;
				case CLOSED -> 3;
			};
		}

	}

	/**
	 * The closed ports of one address.
	 *
	 * @param address the address
	 * @param ports the ports, in the order tried
	 */
	record ClosedPorts(String address, List<Integer> ports) {

	}

	/**
	 * One port of one address.
	 *
	 * @param address the address
	 * @param port the port
	 * @param state the state's label
	 * @param tone the badge's tone
	 * @param mode the TLS mode's name, for the register form
	 * @param modeLabel how TLS was tried, for people
	 * @param protocol the negotiated protocol or {@code null}
	 * @param subject the leaf's subject or {@code null}
	 * @param notAfter the leaf's expiry or {@code null}
	 * @param detail why it is not TLS, or {@code null}
	 * @param registeredId the registered endpoint or {@code null}
	 * @param registrable whether to offer the register button
	 */
	record Row(String address, int port, String state, String tone, String mode, String modeLabel,
			@Nullable String protocol, @Nullable String subject, @Nullable Timestamp notAfter, @Nullable String detail,
			@Nullable Long registeredId, boolean registrable) {

		static Row of(DiscoveredPort port) {
			Instant notAfter = port.leafNotAfter();
			return new Row(port.address(), port.port(), label(port.state()), tone(port.state()), port.mode().name(),
					EndpointPageView.EndpointHeader.label(port.mode()), port.protocol(), port.leafSubject(),
					(notAfter != null) ? Timestamp.of(notAfter) : null, port.detail(), port.registeredEndpointId(),
					port.registrable());
		}

		private static String label(PortState state) {
			return switch (state) {
				case TLS -> "TLS";
				case OPEN_NO_TLS -> "Open, no TLS";
				case CLOSED -> "Closed";
				case TIMED_OUT -> "Timed out";
			};
		}

		private static String tone(PortState state) {
			return switch (state) {
				case TLS -> "ok";
				case OPEN_NO_TLS -> "warning";
				case CLOSED, TIMED_OUT -> "muted";
			};
		}

	}

}

package dev.tlswatch.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.tlswatch.finding.Findings;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanRateLimitedException;
import dev.tlswatch.scan.Scans;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The endpoint pages: the paged list, one endpoint, and its "scan now" button.
 */
@Controller
class EndpointPagesController {

	static final String LIST_VIEW = "endpoints/list";

	static final String ENDPOINT_VIEW = "endpoints/endpoint";

	static final int LIST_PAGE_SIZE = 50;

	static final int HISTORY_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 200;

	private final EndpointListView listView;

	private final EndpointPageView pageView;

	private final Scans scans;

	private final Alerts alerts;

	private final Clock clock;

	private final Findings findings;

	/**
	 * How long "scan now" waits for the finding module's verdict before showing the page.
	 */
	static final Duration VERDICT_WAIT = Duration.ofSeconds(10);

	EndpointPagesController(EndpointListView listView, EndpointPageView pageView, Scans scans, Alerts alerts,
			Clock clock, Findings findings) {
		this.findings = findings;
		this.listView = listView;
		this.pageView = pageView;
		this.scans = scans;
		this.alerts = alerts;
		this.clock = clock;
	}

	/**
	 * The endpoint list, filtered and sorted; every filter is a query parameter so that a
	 * filtered list can be bookmarked and linked from the overview.
	 */
	@GetMapping("/endpoints")
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + LIST_PAGE_SIZE) int size,
			@ModelAttribute("filter") ListFilter filter, Model model) {
		model.addAttribute("list",
				this.listView.page(filter.toFleetFilter(), filter.sortOrder(), pageRequest(page, size)));
		model.addAttribute("listBase", filter.queryString("/endpoints"));
		model.addAttribute("choices", ListFilter.CHOICES);
		model.addAttribute("curlExample", curlExample(
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/endpoints").toUriString()));
		return LIST_VIEW;
	}

	@GetMapping("/endpoints/{id:\\d+}")
	String endpoint(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + HISTORY_PAGE_SIZE) int size, Model model) {
		model.addAttribute("page", this.pageView.page(id, pageRequest(page, size)));
		Instant now = this.clock.instant();
		model.addAttribute("alerts",
				this.alerts.activeFor(id).stream().map((alert) -> AlertRow.of(alert, Map.of(), now)).toList());
		return ENDPOINT_VIEW;
	}

	/**
	 * Scan now, then show the endpoint again (post/redirect/get). htmx posts the same
	 * form and swaps the page's main section with the redirected page's.
	 */
	@PostMapping("/endpoints/{id:\\d+}/scan")
	String scan(@PathVariable long id, RedirectAttributes redirect) {
		ScanDetails scan;
		try {
			scan = this.scans.scanNow(id);
		}
		catch (ScanRateLimitedException ex) {
			redirect.addFlashAttribute("scanRefused",
					"Not scanned: " + ex.getMessage() + " Try again in " + ex.getRetryAfterSeconds() + " s.");
			return "redirect:/endpoints/{id}";
		}
		// The verdict is judged after the scan is stored: show the page once it is.
		this.findings.awaitJudged(scan.id(), VERDICT_WAIT);
		StatusBadge outcome = StatusBadge.of(scan.outcome());
		redirect.addFlashAttribute("scanNotice", new ScanNotice(outcome.label(), outcome.tone()));
		return "redirect:/endpoints/{id}";
	}

	/** How to register an endpoint, for the empty list. */
	static String curlExample(String endpointsUrl) {
		return """
				curl -X POST %s \\
				  -H "Authorization: Bearer $TLSWATCH_TOKEN" \\
				  -H 'Content-Type: application/json' \\
				  -d '{"host": "example.com", "port": 443, "tlsMode": "AUTO", "tags": ["prod"]}'"""
			.formatted(endpointsUrl);
	}

	private static PageRequest pageRequest(int page, int size) {
		return PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, MAX_PAGE_SIZE));
	}

	/**
	 * The message after "scan now"; kept in the session until the redirected page shows
	 * it.
	 *
	 * @param outcome the scan's outcome in words
	 * @param tone the badge tone of the outcome
	 */
	record ScanNotice(String outcome, String tone) implements Serializable {

		public String cssClass() {
			return "notice notice--" + this.tone;
		}

	}

}

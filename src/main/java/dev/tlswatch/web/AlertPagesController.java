package dev.tlswatch.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tlswatch.alert.AlertDetails;
import dev.tlswatch.alert.AlertFilter;
import dev.tlswatch.alert.AlertState;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.alert.InvalidAlertInputException;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.finding.Severity;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The alerts page: filters by state, severity and endpoint, and acknowledge and mute
 * forms (post/redirect/get; htmx posts the same forms). Who acts is a free-text name
 * until sign-in exists.
 */
@Controller
class AlertPagesController {

	static final String VIEW = "alerts/list";

	static final int PAGE_SIZE = 50;

	private final Alerts alerts;

	private final Endpoints endpoints;

	private final Clock clock;

	AlertPagesController(Alerts alerts, Endpoints endpoints, Clock clock) {
		this.alerts = alerts;
		this.endpoints = endpoints;
		this.clock = clock;
	}

	@GetMapping("/alerts")
	String list(@RequestParam(required = false) @Nullable AlertState state,
			@RequestParam(required = false) @Nullable Severity severity,
			@RequestParam(required = false) @Nullable Long endpointId, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Page<AlertDetails> alerts = this.alerts.list(new AlertFilter(state, severity, endpointId),
				PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		Instant now = this.clock.instant();
		Map<Long, String> names = names(alerts.getContent());
		model.addAttribute("rows",
				alerts.getContent().stream().map((alert) -> AlertRow.of(alert, names, now)).toList());
		model.addAttribute("nav", PageNav.of(alerts));
		model.addAttribute("filter", new Filter(state, severity, endpointId));
		model.addAttribute("states", AlertState.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("defaultMuteUntil", LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(7).toString());
		return VIEW;
	}

	@PostMapping("/alerts/{id:\\d+}/acknowledge")
	String acknowledge(@PathVariable long id, @RequestParam(required = false) @Nullable String back, Principal user,
			RedirectAttributes redirect) {
		act(() -> this.alerts.acknowledge(id, user.getName()), "Alert acknowledged.", redirect);
		return "redirect:" + back(back);
	}

	/** Mutes until the start of the given day (UTC); no day unmutes. */
	@PostMapping("/alerts/{id:\\d+}/mute")
	String mute(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate until,
			@RequestParam(required = false) @Nullable String back, Principal user, RedirectAttributes redirect) {
		Instant end = (until != null) ? until.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
		act(() -> this.alerts.mute(id, end, user.getName()),
				(end != null) ? "Alert muted until " + until + "." : "Alert unmuted.", redirect);
		return "redirect:" + back(back);
	}

	private static void act(Runnable action, String done, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("alertNotice", done);
		}
		catch (InvalidAlertInputException ex) {
			InvalidAlertInputException.Violation first = ex.getViolations().get(0);
			redirect.addFlashAttribute("alertError", first.field() + " " + first.message() + ".");
		}
	}

	/** Only pages of this application: a path on this site, never another host. */
	static String back(@Nullable String back) {
		return SameSitePath.orElse(back, List.of("/alerts", "/endpoints/"), "/alerts");
	}

	private Map<Long, String> names(List<AlertDetails> alerts) {
		List<Long> ids = alerts.stream().map(AlertDetails::endpointId).filter(Objects::nonNull).distinct().toList();
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			// one query for the page, not one per endpoint shown
			this.endpoints.findAll(ids).forEach((endpoint) -> names.put(endpoint.id(), endpoint.displayName()));
		}
		return names;
	}

	/**
	 * The filter shown in the form.
	 *
	 * @param state the state chosen
	 * @param severity the severity chosen
	 * @param endpointId the endpoint chosen
	 */
	record Filter(@Nullable AlertState state, @Nullable Severity severity, @Nullable Long endpointId) {

		/**
		 * Whether anything is chosen (the page then offers to clear the filter).
		 * @return whether a state, severity or endpoint is chosen
		 */
		public boolean active() {
			return this.state != null || this.severity != null || this.endpointId != null;
		}

		/** The query string of this filter, for links and the forms' way back. */
		public String query() {
			UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/alerts");
			if (this.state != null) {
				builder.queryParam("state", this.state.name());
			}
			if (this.severity != null) {
				builder.queryParam("severity", this.severity.name());
			}
			if (this.endpointId != null) {
				builder.queryParam("endpointId", this.endpointId);
			}
			return builder.toUriString();
		}

	}

}

package dev.tlswatch.web;

import java.io.Serializable;
import java.time.Clock;
import java.util.List;

import dev.tlswatch.finding.Findings;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.notify.InvalidAddressException;
import dev.tlswatch.notify.Notifier;
import dev.tlswatch.notify.TestMailResult;
import dev.tlswatch.scan.Scans;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings page: how mail and webhook delivery are configured and going, a form that
 * sends a test mail, the configured defaults with their keys, and the global trust
 * bundle. Read-only: TLSWatch is configured by its environment.
 */
@Controller
class SettingsController {

	static final String VIEW = "settings";

	static final int MAX_ADDRESS_INPUT = 320;

	private final Notifier notifier;

	private final Endpoints endpoints;

	private final Alerts alerts;

	private final Scans scans;

	private final Clock clock;

	private final Findings findings;

	SettingsController(Notifier notifier, Endpoints endpoints, Alerts alerts, Scans scans, Clock clock,
			Findings findings) {
		this.findings = findings;
		this.notifier = notifier;
		this.endpoints = endpoints;
		this.alerts = alerts;
		this.scans = scans;
		this.clock = clock;
	}

	@GetMapping("/settings")
	String settings(Model model) {
		model.addAttribute("delivery", SettingsView.of(this.notifier.status()));
		model.addAttribute("defaults",
				DefaultsView.of(this.endpoints.defaultScanIntervalMinutes(), this.alerts.defaults(),
						this.scans.defaults(), this.clock.instant(), this.findings.defaultExpiryPolicy()));
		return VIEW;
	}

	/**
	 * Send a test mail, then show the page with the result (post/redirect/get); an
	 * invalid address is shown at once with status 422 and the value kept in the field.
	 */
	@PostMapping("/settings/test-mail")
	String testMail(@RequestParam(defaultValue = "") String to, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		String address = (to.length() > MAX_ADDRESS_INPUT) ? to.substring(0, MAX_ADDRESS_INPUT) : to;
		try {
			redirect.addFlashAttribute("testMailNotice", TestMailNotice.of(this.notifier.sendTestMail(address)));
			return "redirect:/settings";
		}
		catch (InvalidAddressException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("testMailTo", address);
			model.addAttribute("testMailError", "Enter one mail address such as ops@example.com, or leave it empty.");
			return settings(model);
		}
	}

	/**
	 * The result of a test mail, kept in the session until the redirected page shows it.
	 *
	 * @param sent whether the SMTP server accepted it
	 * @param recipients to whom
	 * @param error why not
	 */
	record TestMailNotice(boolean sent, List<String> recipients, @Nullable String error) implements Serializable {

		static TestMailNotice of(TestMailResult result) {
			return new TestMailNotice(result.sent(), List.copyOf(result.recipients()), result.error());
		}

		public String cssClass() {
			return "notice notice--" + (this.sent ? "ok" : "critical");
		}

	}

}

package dev.tlswatch.web;

import java.io.Serializable;
import java.time.Clock;
import java.util.List;

import dev.tlswatch.finding.Findings;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.notify.ChannelConflictException;
import dev.tlswatch.notify.ChannelNotFoundException;
import dev.tlswatch.notify.ChannelTestResult;
import dev.tlswatch.notify.ChannelType;
import dev.tlswatch.notify.InvalidAddressException;
import dev.tlswatch.notify.InvalidChannelException;
import dev.tlswatch.notify.MessageSeverity;
import dev.tlswatch.notify.NotificationChannels;
import dev.tlswatch.notify.Notifier;
import dev.tlswatch.notify.TestMailResult;
import dev.tlswatch.retention.Retention;
import dev.tlswatch.scan.Scans;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings page: how mail and webhook delivery are configured and going, the
 * notification channels (administrators add, change, test and delete those stored in the
 * database; configured ones are read-only), a form that sends a test mail, the configured
 * defaults with their keys, the global trust bundle, retention and the database size.
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

	private final NotificationChannels channels;

	private final Retention retention;

	private final Findings findings;

	SettingsController(Notifier notifier, Endpoints endpoints, Alerts alerts, Scans scans, Clock clock,
			NotificationChannels channels, Retention retention, Findings findings) {
		this.findings = findings;
		this.notifier = notifier;
		this.channels = channels;
		this.endpoints = endpoints;
		this.alerts = alerts;
		this.scans = scans;
		this.clock = clock;
		this.retention = retention;
	}

	@GetMapping("/settings")
	String settings(Model model) {
		model.addAttribute("delivery", SettingsView.of(this.notifier.status()));
		model.addAttribute("defaults",
				DefaultsView.of(this.endpoints.defaultScanIntervalMinutes(), this.alerts.defaults(),
						this.scans.defaults(), this.clock.instant(), this.findings.defaultExpiryPolicy()));
		model.addAttribute("channels", this.channels.channels().stream().map(ChannelRow::of).toList());
		model.addAttribute("channelTypes", ChannelType.values());
		model.addAttribute("severities", MessageSeverity.values());
		if (!model.containsAttribute("channelForm")) {
			model.addAttribute("channelForm", ChannelForm.empty());
		}
		model.addAttribute("retention", RetentionView.of(this.retention.status()));
		return VIEW;
	}

	/**
	 * Add a channel, or change a dashboard channel of the same name; an unusable value is
	 * shown at once with status 422 (a configured name with 409), the values kept but the
	 * secret, nothing saved.
	 */
	@PostMapping("/settings/channels")
	String saveChannel(@ModelAttribute ChannelForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			String name = this.channels.save(form.input()).name();
			redirect.addFlashAttribute("channelNotice", new ChannelNotice(true, "Channel '" + name + "' saved."));
			return "redirect:/settings#channels";
		}
		catch (InvalidChannelException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("channelField", ex.getField());
			model.addAttribute("channelError", ex.getMessage());
		}
		catch (ChannelConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("channelField", "name");
			model.addAttribute("channelError", ex.getMessage());
		}
		model.addAttribute("channelForm", form.withoutSecret());
		return settings(model);
	}

	/**
	 * Fill the form with a dashboard channel, to change it. Administrators only: the URL
	 * of a chat webhook is a secret.
	 */
	@GetMapping("/settings/channels/{name}/edit")
	String editChannel(@PathVariable String name, Model model, HttpServletRequest request) {
		if (!request.isUserInRole("ADMIN")) {
			throw new AccessDeniedException("Changing channels needs the ADMIN role");
		}
		ChannelRow row = this.channels.channels()
			.stream()
			.map(ChannelRow::of)
			.filter((channel) -> channel.dashboard() && channel.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new ChannelNotFoundException(name));
		model.addAttribute("channelForm",
				new ChannelForm(row.name(), row.type(),
						this.channels.channels()
							.stream()
							.filter((channel) -> channel.name().equals(name))
							.findFirst()
							.map((channel) -> (channel.url() != null) ? channel.url().toString() : "")
							.orElse(""),
						"", row.minSeverity(), row.tags(), row.recipients(),
						(row.chatId() != null) ? row.chatId() : ""));
		model.addAttribute("channelEditing", true);
		return settings(model);
	}

	@PostMapping("/settings/channels/{name}/test")
	String testChannel(@PathVariable String name, RedirectAttributes redirect) {
		ChannelTestResult result = this.channels.sendTest(name);
		redirect.addFlashAttribute("channelNotice",
				new ChannelNotice(result.sent(), result.sent() ? "Test message sent through '" + name + "'."
						: "Test message through '" + name + "' not sent: " + result.error()));
		return "redirect:/settings#channels";
	}

	@PostMapping("/settings/channels/{name}/delete")
	String deleteChannel(@PathVariable String name, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.channels.delete(name);
		}
		catch (ChannelConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("channelNotice", new ChannelNotice(false, ex.getMessage()));
			return settings(model);
		}
		redirect.addFlashAttribute("channelNotice", new ChannelNotice(true, "Channel '" + name + "' deleted."));
		return "redirect:/settings#channels";
	}

	/**
	 * What a channel action did, kept in the session until the redirected page shows it.
	 *
	 * @param ok whether it worked
	 * @param text what to say
	 */
	record ChannelNotice(boolean ok, String text) implements Serializable {

		public String cssClass() {
			return "notice notice--" + (this.ok ? "ok" : "critical");
		}

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

package dev.tlswatch.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tlswatch.alert.Alerts;
import dev.tlswatch.alert.EndpointAlertSettings;
import dev.tlswatch.alert.InvalidAlertInputException;

import dev.tlswatch.endpoint.DuplicateEndpointException;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.InvalidEndpointException;
import dev.tlswatch.endpoint.TlsMode;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding, editing and deleting endpoints from the dashboard, with their connection
 * options and alert settings. The endpoint and alert modules validate and the alert
 * module stores both in one transaction; a rejected form comes back with the user's input
 * (never the private key) and a message next to each field, and nothing is stored.
 */
@Controller
class EndpointFormController {

	static final String FORM_VIEW = "endpoints/form";

	private static final Pattern LIST_ELEMENT = Pattern.compile("(\\w+)\\[(\\d{1,4})]");

	private final Endpoints endpoints;

	private final Alerts alerts;

	EndpointFormController(Endpoints endpoints, Alerts alerts) {
		this.endpoints = endpoints;
		this.alerts = alerts;
	}

	@GetMapping("/endpoints/new")
	String newForm(Model model) {
		return show(model, EndpointForm.blank(), null, Map.of(), null);
	}

	@PostMapping("/endpoints/new")
	String create(@ModelAttribute EndpointForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(null, form, List.of(), model, response, redirect);
	}

	@GetMapping("/endpoints/{id:\\d+}/edit")
	String editForm(@PathVariable long id, Model model) {
		EndpointDetails endpoint = this.endpoints.get(id);
		return show(model, EndpointForm.of(endpoint, this.alerts.endpointSettings(id)), endpoint, Map.of(), null);
	}

	@PostMapping("/endpoints/{id:\\d+}/edit")
	String update(@PathVariable long id, @ModelAttribute EndpointForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		EndpointDetails endpoint = this.endpoints.get(id);
		List<String> disabledRules = this.alerts.endpointSettings(id).disabledRules();
		return save(endpoint, form, disabledRules, model, response, redirect);
	}

	@PostMapping("/endpoints/{id:\\d+}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		EndpointDetails endpoint = this.endpoints.get(id);
		this.endpoints.delete(id);
		redirect.addFlashAttribute("formNotice",
				"Endpoint " + endpoint.host() + ":" + endpoint.port() + " deleted with its scan history.");
		return "redirect:/endpoints";
	}

	/**
	 * Store the endpoint and its alert settings together (the alert module does both in
	 * one transaction), or show every field error and store nothing.
	 */
	private String save(@Nullable EndpointDetails editing, EndpointForm form, List<String> disabledRules, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		EndpointForm.Parsed parsed = form.toDraft();
		EndpointAlertSettings settings = form.alertSettings(disabledRules);
		if (!parsed.errors().isEmpty()) {
			return rejected(model, form, editing, withAlertErrors(parsed.errors(), form, settings), response);
		}
		try {
			// Nothing is stored unless both are valid: the settings are checked first,
			// then
			// stored in the registry's transaction (Endpoints' one route for extras).
			this.alerts.checkEndpointSettings(settings);
			if (editing == null) {
				EndpointDetails created = this.endpoints.register(parsed.draft(), (endpoint) -> {
					if (!settings.equals(EndpointAlertSettings.NONE)) {
						this.alerts.updateEndpointSettings(endpoint.id(), settings);
					}
				});
				redirect.addFlashAttribute("formNotice", "Endpoint registered. Its first scan runs in a moment.");
				return "redirect:/endpoints/" + created.id();
			}
			this.endpoints.update(editing.id(), parsed.draft(),
					(endpoint) -> this.alerts.updateEndpointSettings(endpoint.id(), settings));
			redirect.addFlashAttribute("formNotice", "Changes saved.");
			return "redirect:/endpoints/" + editing.id();
		}
		catch (InvalidEndpointException ex) {
			return rejected(model, form, editing, withAlertErrors(fieldErrors(ex), form, settings), response);
		}
		catch (InvalidAlertInputException ex) {
			return rejected(model, form, editing, alertErrors(ex, form), response);
		}
		catch (DuplicateEndpointException ex) {
			return duplicate(model, form, editing, ex, response);
		}
	}

	/** The endpoint's errors, and the alert settings' too, so that all show at once. */
	private Map<String, String> withAlertErrors(Map<String, String> errors, EndpointForm form,
			EndpointAlertSettings settings) {
		Map<String, String> all = new LinkedHashMap<>(errors);
		try {
			this.alerts.checkEndpointSettings(settings);
		}
		catch (InvalidAlertInputException ex) {
			alertErrors(ex, form).forEach(all::putIfAbsent);
		}
		return all;
	}

	private String duplicate(Model model, EndpointForm form, @Nullable EndpointDetails editing,
			DuplicateEndpointException ex, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		return show(model, form, editing, Map.of(), new Duplicate(ex.getMessage(), ex.getExistingId()));
	}

	private String rejected(Model model, EndpointForm form, @Nullable EndpointDetails editing,
			Map<String, String> errors, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return show(model, form, editing, errors, null);
	}

	private String show(Model model, EndpointForm form, @Nullable EndpointDetails editing, Map<String, String> errors,
			@Nullable Duplicate duplicate) {
		model.addAttribute("form", form.withoutKey());
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		model.addAttribute("advancedOpen", EndpointForm.ADVANCED_FIELDS.stream().anyMatch(errors::containsKey));
		model.addAttribute("keyStored", editing != null && editing.options().clientKeyConfigured());
		model.addAttribute("duplicate", duplicate);
		model.addAttribute("modes", modes());
		return FORM_VIEW;
	}

	/**
	 * The endpoint module names list elements ({@code tags[2]}); the form has one field.
	 */
	static Map<String, String> fieldErrors(InvalidEndpointException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (InvalidEndpointException.FieldViolation violation : ex.getViolations()) {
			String field = violation.field().replaceFirst("\\[\\d+]$", "");
			errors.merge(field, violation.message(), (a, b) -> a + "; " + b);
		}
		return errors;
	}

	/**
	 * The alert module names list elements ({@code thresholds[1]}); the form has one
	 * field, so the message quotes the element.
	 */
	static Map<String, String> alertErrors(InvalidAlertInputException ex, EndpointForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (InvalidAlertInputException.Violation violation : ex.getViolations()) {
			Matcher element = LIST_ELEMENT.matcher(violation.field());
			String field = element.matches() ? element.group(1) : violation.field();
			String message = violation.message();
			if (element.matches()) {
				List<String> items = field.equals("thresholds") ? form.thresholdList() : form.recipientList();
				int index = Integer.parseInt(element.group(2));
				if (index < items.size()) {
					message = "\u201c" + abbreviated(items.get(index)) + "\u201d " + message;
				}
			}
			errors.merge(field, message, (a, b) -> a + "; " + b);
		}
		return errors;
	}

	private static String abbreviated(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "\u2026" : text;
	}

	private static List<ModeOption> modes() {
		return Arrays.stream(TlsMode.values())
			.map((mode) -> new ModeOption(mode.name(),
					(mode == TlsMode.AUTO) ? "Auto (from the port)" : EndpointPageView.EndpointHeader.label(mode)))
			.toList();
	}

	/**
	 * One choice of the TLS mode select.
	 *
	 * @param value the {@link TlsMode} name
	 * @param label what the user reads
	 */
	record ModeOption(String value, String label) {
	}

	/**
	 * The endpoint that is already registered with the same host, port and name.
	 *
	 * @param message what happened
	 * @param existingId the registered endpoint
	 */
	record Duplicate(String message, long existingId) {
	}

}

package dev.tlswatch.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Adding, editing and deleting endpoints from the dashboard. The endpoint module
 * validates; a rejected form comes back with the user's input and a message next to each
 * field, and nothing is stored.
 */
@Controller
class EndpointFormController {

	static final String FORM_VIEW = "endpoints/form";

	private final Endpoints endpoints;

	EndpointFormController(Endpoints endpoints) {
		this.endpoints = endpoints;
	}

	@GetMapping("/endpoints/new")
	String newForm(Model model) {
		return show(model, EndpointForm.blank(), null, Map.of(), null);
	}

	@PostMapping("/endpoints/new")
	String create(@ModelAttribute EndpointForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		EndpointForm.Parsed parsed = form.toDraft();
		if (!parsed.errors().isEmpty()) {
			return rejected(model, form, null, parsed.errors(), null, response);
		}
		try {
			EndpointDetails created = this.endpoints.register(parsed.draft());
			redirect.addFlashAttribute("formNotice", "Endpoint registered. Its first scan runs in a moment.");
			return "redirect:/endpoints/" + created.id();
		}
		catch (InvalidEndpointException ex) {
			return rejected(model, form, null, fieldErrors(ex), null, response);
		}
		catch (DuplicateEndpointException ex) {
			return duplicate(model, form, null, ex, response);
		}
	}

	@GetMapping("/endpoints/{id:\\d+}/edit")
	String editForm(@PathVariable long id, Model model) {
		EndpointDetails endpoint = this.endpoints.get(id);
		return show(model, EndpointForm.of(endpoint), endpoint, Map.of(), null);
	}

	@PostMapping("/endpoints/{id:\\d+}/edit")
	String update(@PathVariable long id, @ModelAttribute EndpointForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		EndpointDetails endpoint = this.endpoints.get(id);
		EndpointForm.Parsed parsed = form.toDraft();
		if (!parsed.errors().isEmpty()) {
			return rejected(model, form, endpoint, parsed.errors(), null, response);
		}
		try {
			this.endpoints.update(id, parsed.draft());
			redirect.addFlashAttribute("formNotice", "Changes saved.");
			return "redirect:/endpoints/" + id;
		}
		catch (InvalidEndpointException ex) {
			return rejected(model, form, endpoint, fieldErrors(ex), null, response);
		}
		catch (DuplicateEndpointException ex) {
			return duplicate(model, form, endpoint, ex, response);
		}
	}

	@PostMapping("/endpoints/{id:\\d+}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		EndpointDetails endpoint = this.endpoints.get(id);
		this.endpoints.delete(id);
		redirect.addFlashAttribute("formNotice",
				"Endpoint " + endpoint.host() + ":" + endpoint.port() + " deleted with its scan history.");
		return "redirect:/endpoints";
	}

	private String duplicate(Model model, EndpointForm form, @Nullable EndpointDetails editing,
			DuplicateEndpointException ex, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		return show(model, form, editing, Map.of(), new Duplicate(ex.getMessage(), ex.getExistingId()));
	}

	private String rejected(Model model, EndpointForm form, @Nullable EndpointDetails editing,
			Map<String, String> errors, @Nullable Duplicate duplicate, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return show(model, form, editing, errors, duplicate);
	}

	private String show(Model model, EndpointForm form, @Nullable EndpointDetails editing, Map<String, String> errors,
			@Nullable Duplicate duplicate) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
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

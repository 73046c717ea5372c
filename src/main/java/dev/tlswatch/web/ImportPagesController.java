package dev.tlswatch.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.tlswatch.endpoint.DuplicateEndpointException;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.inventory.ImportPreview;
import dev.tlswatch.inventory.ImportRow;
import dev.tlswatch.inventory.InvalidImportException;
import dev.tlswatch.inventory.Inventory;
import dev.tlswatch.inventory.InventoryFiles;
import dev.tlswatch.inventory.InventoryFormatException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing endpoints from a CSV or JSON file: upload, a preview of every row with its
 * errors, then one confirmation that imports all rows or none. The confirmation carries
 * the file's text in a hidden field and is checked again from scratch.
 */
@Controller
class ImportPagesController {

	static final String VIEW = "endpoints/import";

	private final Inventory inventory;

	ImportPagesController(Inventory inventory) {
		this.inventory = inventory;
	}

	@GetMapping("/endpoints/import")
	String form(Model model) {
		return show(model, null, null, null);
	}

	@PostMapping("/endpoints/import")
	String preview(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			return rejected(model, "Choose a CSV or JSON file to import.", response);
		}
		try {
			String text = InventoryFiles.text(read(file));
			List<ImportRow> rows = InventoryFiles.parse(text);
			ImportPreview preview = this.inventory.preview(rows);
			if (!preview.importable()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
			return show(model, preview, preview.importable() ? text : null, null);
		}
		catch (InventoryFormatException ex) {
			return rejected(model, ex.getMessage(), response);
		}
	}

	@PostMapping("/endpoints/import/confirm")
	String confirm(@RequestParam(name = "content", defaultValue = "") String content, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			// Browsers send a hidden field's line breaks as CRLF: count the file as
			// uploaded.
			List<ImportRow> rows = InventoryFiles.parse(content.replace("\r\n", "\n"));
			List<EndpointDetails> created = this.inventory.importAll(rows);
			redirect.addFlashAttribute("formNotice", "Imported " + created.size() + " endpoint"
					+ ((created.size() != 1) ? "s" : "") + ". Their first scans run in a moment.");
			return "redirect:/endpoints";
		}
		catch (InventoryFormatException ex) {
			return rejected(model, ex.getMessage(), response);
		}
		catch (InvalidImportException ex) {
			// Changed since the preview (another user registered one): show the rows
			// again.
			ImportPreview preview = this.inventory.preview(InventoryFiles.parse(content.replace("\r\n", "\n")));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(model, preview, null, null);
		}
		catch (DuplicateEndpointException ex) {
			return rejected(model, ex.getMessage() + ". Nothing was imported.", response);
		}
	}

	private String rejected(Model model, String problem, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return show(model, null, null, problem);
	}

	private String show(Model model, @Nullable ImportPreview preview, @Nullable String content,
			@Nullable String problem) {
		model.addAttribute("preview", preview);
		model.addAttribute("importContent", content);
		model.addAttribute("problem", problem);
		model.addAttribute("maxRows", InventoryFiles.MAX_ROWS);
		return VIEW;
	}

	/** At most one byte more than allowed, which tells it was too long. */
	private static byte[] read(MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return in.readNBytes(InventoryFiles.MAX_BYTES + 1);
		}
	}

}

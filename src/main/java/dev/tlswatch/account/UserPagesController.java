package dev.tlswatch.account;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The users page, for administrators: create users, enable or disable them, reset
 * passwords and set roles. Each form posts, then redirects back with a notice.
 */
@Controller
class UserPagesController {

	static final String VIEW = "account/users";

	private static final String BACK = "redirect:/users";

	private final Accounts accounts;

	UserPagesController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/users")
	String users(Model model) {
		model.addAttribute("users", this.accounts.list());
		model.addAttribute("roles", List.of(Role.values()));
		return VIEW;
	}

	@PostMapping("/users")
	String create(@RequestParam String username, @RequestParam String password, @RequestParam Role role,
			RedirectAttributes redirect) {
		return act(redirect, () -> "User '" + this.accounts.create(username, password, role).username() + "' created.");
	}

	@PostMapping("/users/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		return act(redirect, () -> {
			AccountUser user = this.accounts.setEnabled(id, enabled);
			return "User '" + user.username() + "' " + (enabled ? "enabled." : "disabled.");
		});
	}

	@PostMapping("/users/{id}/role")
	String setRole(@PathVariable long id, @RequestParam Role role, RedirectAttributes redirect) {
		return act(redirect, () -> {
			AccountUser user = this.accounts.setRole(id, role);
			return "User '" + user.username() + "' is now " + role.label() + ".";
		});
	}

	@PostMapping("/users/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
		return act(redirect, () -> "Password of '" + this.accounts.resetPassword(id, password).username() + "' reset.");
	}

	private static String act(RedirectAttributes redirect, Action action) {
		try {
			redirect.addFlashAttribute("notice", action.run());
		}
		catch (InvalidAccountException ex) {
			redirect.addFlashAttribute("problem", "The " + ex.getField() + " " + ex.getMessage() + ".");
		}
		catch (AccountConflictException | AccountNotFoundException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return BACK;
	}

	@FunctionalInterface
	private interface Action {

		String run();

	}

}

package dev.tlswatch.account;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users over the API, for administrators (the security configuration allows no one else):
 * list, create, and change role, enabled state or password.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

	private final Accounts accounts;

	UserApiController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	List<AccountUser> list() {
		return this.accounts.list();
	}

	@GetMapping("/{id}")
	AccountUser get(@PathVariable long id) {
		return this.accounts.get(id);
	}

	@PostMapping
	ResponseEntity<AccountUser> create(@RequestBody NewUser request) {
		AccountUser user = this.accounts.create(required("username", request.username()),
				required("password", request.password()), (request.role() != null) ? request.role() : Role.VIEWER);
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
	}

	/**
	 * Change what the request names; fields left out stay as they are. The password is
	 * checked first, so that an invalid one changes nothing.
	 */
	/**
	 * Change what the request names; fields left out stay as they are. All or nothing.
	 */
	@PatchMapping("/{id}")
	AccountUser change(@PathVariable long id, @RequestBody UserChange request) {
		return this.accounts.change(id, request.role(), request.enabled(), request.password());
	}

	private static String required(String field, @Nullable String value) {
		if (value == null) {
			throw new InvalidAccountException(field, "must not be missing");
		}
		return value;
	}

	/**
	 * A user to create.
	 *
	 * @param username the name to sign in with
	 * @param password at least 10 characters, at most 72 bytes
	 * @param role the role (default {@code VIEWER})
	 */
	record NewUser(@Nullable String username, @Nullable String password, @Nullable Role role) {
	}

	/**
	 * Changes to a user.
	 *
	 * @param role a new role
	 * @param enabled enable or disable
	 * @param password a new password
	 */
	record UserChange(@Nullable Role role, @Nullable Boolean enabled, @Nullable String password) {
	}

}

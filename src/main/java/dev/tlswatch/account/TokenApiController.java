package dev.tlswatch.account;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens over the API: list, create (the value is in the answer, once),
 * revoke. Every signed-in user manages their own; an administrator anyone's.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {

	private final ApiTokens tokens;

	TokenApiController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	/**
	 * The caller's tokens, or with {@code all=true} (administrators only) everyone's.
	 */
	@GetMapping
	List<TokenResponse> list(@RequestParam(defaultValue = "false") boolean all, Authentication authentication) {
		if (all && !isAdmin(authentication)) {
			throw new AccessDeniedException("Only administrators list everyone's tokens");
		}
		List<TokenDetails> found = all ? this.tokens.all() : this.tokens.ofUser(authentication.getName());
		return found.stream().map(TokenResponse::of).toList();
	}

	@PostMapping
	ResponseEntity<CreatedTokenResponse> create(@RequestBody TokenRequest request, Authentication authentication) {
		if (request.name() == null) {
			throw new InvalidAccountException("name", "must not be missing");
		}
		Role ceiling = withinCaller(authentication,
				(request.roleCeiling() != null) ? request.roleCeiling() : highestRole(authentication));
		CreatedToken created = this.tokens.create(authentication.getName(), request.name(), ceiling,
				request.expiresAt());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.details().id()))
			.body(new CreatedTokenResponse(created.token(), TokenResponse.of(created.details())));
	}

	@GetMapping("/{id}")
	TokenResponse get(@PathVariable long id, Authentication authentication) {
		return TokenResponse.of(managed(id, authentication));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id, Authentication authentication) {
		managed(id, authentication);
		this.tokens.revoke(id);
	}

	private TokenDetails managed(long id, Authentication authentication) {
		TokenDetails token = this.tokens.get(id);
		if (!mayManage(authentication, token)) {
			throw new AccessDeniedException("Only administrators manage other users' tokens");
		}
		return token;
	}

	static boolean isAdmin(Authentication authentication) {
		return highestRole(authentication) == Role.ADMIN;
	}

	static boolean mayManage(Authentication authentication, TokenDetails token) {
		return isAdmin(authentication) || token.username().equalsIgnoreCase(authentication.getName());
	}

	/**
	 * The highest role the caller holds now (for a token, its owner's role limited by the
	 * token's ceiling).
	 */
	static Role highestRole(Authentication authentication) {
		Role highest = Role.VIEWER;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority()) && role.includes(highest)) {
					highest = role;
				}
			}
		}
		return highest;
	}

	/** A token made with a token cannot grant more than the token it was made with. */
	static Role withinCaller(Authentication authentication, Role requested) {
		if (!highestRole(authentication).includes(requested)) {
			throw new InvalidAccountException("roleCeiling",
					"must not be above your current role " + highestRole(authentication).name());
		}
		return requested;
	}

	/**
	 * A token to create.
	 *
	 * @param name what it is for
	 * @param roleCeiling the highest role it grants (default: the caller's)
	 * @param expiresAt when it stops working (default: never)
	 */
	record TokenRequest(@Nullable String name, @Nullable Role roleCeiling, @Nullable Instant expiresAt) {
	}

	/**
	 * A token as listed; never its value.
	 */
	record TokenResponse(long id, String username, String name, String prefix, Role roleCeiling, Instant createdAt,
			@Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

		static TokenResponse of(TokenDetails token) {
			return new TokenResponse(token.id(), token.username(), token.name(), token.prefix(), token.roleCeiling(),
					token.createdAt(), token.expiresAt(), token.lastUsedAt(), token.revokedAt());
		}

	}

	/**
	 * A token just created: {@code token} is its value, shown this once.
	 */
	record CreatedTokenResponse(String token, TokenResponse details) {
	}

}

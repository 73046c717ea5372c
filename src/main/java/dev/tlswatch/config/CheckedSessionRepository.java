package dev.tlswatch.config;

import java.util.function.Supplier;

import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where a request's sign-in comes from, for both filter chains:
 * <ul>
 * <li>a request with {@code Authorization: Basic} or {@code Bearer} is authenticated by
 * that header alone: its session, if any, is not read, so a wrong password is a
 * {@code 401} whatever the session says, and the CSRF exemption for such requests cannot
 * lend a session's rights to a forged request;</li>
 * <li>a session's sign-in holds only while the user's security stamp is unchanged (see
 * {@link Accounts#isCurrent(SignedInUser)}): a disabled user, a new role or a reset
 * password ends the session on its next request, on any instance.</li>
 * </ul>
 */
final class CheckedSessionRepository implements SecurityContextRepository {

	private static final Logger logger = LoggerFactory.getLogger(CheckedSessionRepository.class);

	private final SecurityContextRepository sessions = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final Accounts accounts;

	CheckedSessionRepository(Accounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * Whether the request carries credentials of its own ({@code Basic} or
	 * {@code Bearer}).
	 */
	static boolean hasCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && (authorization.regionMatches(true, 0, "Bearer", 0, 6)
				|| authorization.regionMatches(true, 0, "Basic", 0, 5));
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		if (hasCredentials(request)) {
			return new Checked(this.contexts::createEmptyContext, true);
		}
		DeferredSecurityContext stored = this.sessions.loadDeferredContext(request);
		return new Checked(() -> checked(stored.get(), request), stored.isGenerated());
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return loadDeferredContext(holder.getRequest()).get();
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		this.sessions.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return !hasCredentials(request) && this.sessions.containsContext(request);
	}

	private SecurityContext checked(SecurityContext context, HttpServletRequest request) {
		Authentication authentication = context.getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)
				|| this.accounts.isCurrent(user)) {
			return context;
		}
		logger.info("Session of user '{}' ended: the user was disabled or changed since signing in",
				user.getUsername());
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return this.contexts.createEmptyContext();
	}

	/** Loads at most once, when first asked. */
	private static final class Checked implements DeferredSecurityContext {

		private final Supplier<SecurityContext> load;

		private final boolean generated;

		private @Nullable SecurityContext context;

		Checked(Supplier<SecurityContext> load, boolean generated) {
			this.load = load;
			this.generated = generated;
		}

		@Override
		public SecurityContext get() {
			SecurityContext loaded = this.context;
			if (loaded == null) {
				loaded = this.load.get();
				this.context = loaded;
			}
			return loaded;
		}

		@Override
		public boolean isGenerated() {
			return this.generated;
		}

	}

}

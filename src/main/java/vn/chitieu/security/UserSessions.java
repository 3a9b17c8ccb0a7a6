package vn.chitieu.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The logged-in sessions of this instance, by user, so that a password reset or change
 * ends the user's other sessions at once, not only at their next request
 * ({@link SessionCheckFilter} does that, for every instance). Filled by the servlet
 * container as the security context is stored in a session.
 */
@Component
class UserSessions implements HttpSessionListener, HttpSessionAttributeListener {

	private static final int MAX_ENDED = 10_000;

	private final Map<String, Set<HttpSession>> byUser = new ConcurrentHashMap<>();

	private final Map<HttpSession, String> owners = new ConcurrentHashMap<>();

	/**
	 * The ids of the sessions ended here, most recent last, so the login page can say
	 * why.
	 */
	private final Map<String, Boolean> ended = new LinkedHashMap<>() {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > MAX_ENDED;
		}
	};

	@Override
	public void attributeAdded(HttpSessionBindingEvent event) {
		remember(event);
	}

	@Override
	public void attributeReplaced(HttpSessionBindingEvent event) {
		remember(event);
	}

	@Override
	public void sessionDestroyed(HttpSessionEvent event) {
		forget(event.getSession());
	}

	/**
	 * Ends every session of a user but the one of the current request, once the current
	 * transaction has committed (at once without a transaction).
	 * @param username the user
	 */
	void endOthers(String username) {
		var current = currentSession();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					end(username, current);
				}
			});
		}
		else {
			end(username, current);
		}
	}

	private void end(String username, HttpSession keep) {
		var sessions = this.byUser.getOrDefault(username, Set.of());
		for (var session : Set.copyOf(sessions)) {
			if (session != keep) {
				forget(session);
				try {
					synchronized (this.ended) {
						this.ended.put(session.getId(), Boolean.TRUE);
					}
					session.invalidate();
				}
				catch (IllegalStateException ex) {
					// Ended meanwhile.
				}
			}
		}
	}

	/**
	 * @param sessionId the id of a session that no longer exists
	 * @return whether it was ended because its user's password changed
	 */
	boolean wasEnded(String sessionId) {
		synchronized (this.ended) {
			return sessionId != null && this.ended.containsKey(sessionId);
		}
	}

	private void remember(HttpSessionBindingEvent event) {
		if (HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY.equals(event.getName())
				&& event.getSession().getAttribute(event.getName()) instanceof SecurityContext context
				&& context.getAuthentication() != null
				&& context.getAuthentication().getPrincipal() instanceof CurrentUser user) {
			var session = event.getSession();
			var previous = this.owners.put(session, user.getUsername());
			if (previous != null && !previous.equals(user.getUsername())) {
				removeFrom(previous, session);
			}
			this.byUser.computeIfAbsent(user.getUsername(), (name) -> ConcurrentHashMap.newKeySet()).add(session);
		}
	}

	private void forget(HttpSession session) {
		var owner = this.owners.remove(session);
		if (owner != null) {
			removeFrom(owner, session);
		}
	}

	private void removeFrom(String username, HttpSession session) {
		this.byUser.computeIfPresent(username, (name, sessions) -> {
			sessions.remove(session);
			return sessions.isEmpty() ? null : sessions;
		});
	}

	private static HttpSession currentSession() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest().getSession(false) : null;
	}

}

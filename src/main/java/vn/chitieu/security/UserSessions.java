package vn.chitieu.security;

import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a user's other sessions at once when their password is reset or changed, not only
 * at their next request ({@link SessionCheckFilter} does that). Sessions live in the
 * database (Spring Session JDBC), indexed by user name, so this ends them whichever
 * instance of the application they were opened on; the ids ended are kept in the database
 * for a day, so that the login page says why on whichever instance the next request
 * reaches.
 */
@Component
class UserSessions {

	private final FindByIndexNameSessionRepository<? extends Session> repository;

	private final JdbcTemplate jdbc;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> repository, JdbcTemplate jdbc) {
		this.repository = repository;
		this.jdbc = jdbc;
	}

	/**
	 * Ends every session of a user but the one of the current request, once the current
	 * transaction has committed (at once without a transaction).
	 * @param username the user
	 */
	void endOthers(String username) {
		var current = currentSessionId();
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

	private void end(String username, String keep) {
		for (var id : Set.copyOf(this.repository.findByPrincipalName(username).keySet())) {
			if (!id.equals(keep)) {
				this.jdbc.update("insert into ended_session (session_id) values (?) on conflict do nothing", id);
				this.repository.deleteById(id);
			}
		}
	}

	/**
	 * @param sessionId the id of a session that no longer exists
	 * @return whether it was ended because its user's password changed
	 */
	boolean wasEnded(String sessionId) {
		if (sessionId == null || sessionId.length() > 36) {
			return false;
		}
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from ended_session where session_id = ?)", Boolean.class, sessionId));
	}

	/** Forgets the ids of sessions ended more than a day ago. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOld() {
		this.jdbc.update("delete from ended_session where ended_at < now() - interval '1 day'");
	}

	private static String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			var session = attributes.getRequest().getSession(false);
			return (session != null) ? session.getId() : null;
		}
		return null;
	}

}

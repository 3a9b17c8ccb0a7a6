package vn.chitieu.testsupport;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The sessions the application keeps in the database (Spring Session JDBC), as a test
 * looks at them: found by the value of a browser's session cookie.
 */
public final class StoredSessions {

	private final SessionRepository<? extends Session> repository;

	private final JdbcTemplate jdbc;

	/**
	 * @param context the application
	 */
	public StoredSessions(ApplicationContext context) {
		this.repository = context.getBean(SessionRepository.class);
		this.jdbc = context.getBean(JdbcTemplate.class);
	}

	/**
	 * @param cookie the session cookie's value
	 * @return the session it names, or {@code null} if there is none (ended or expired)
	 */
	public Session find(String cookie) {
		return this.repository.findById(id(cookie));
	}

	/**
	 * Lets a session expire now, as 30 minutes without a request would.
	 * @param cookie the session cookie's value
	 */
	public void expire(String cookie) {
		// Spring Session judges a session by its last request and its lifetime.
		this.jdbc.update("update spring_session set last_access_time = last_access_time - "
				+ "(max_inactive_interval + 60) * 1000, expiry_time = expiry_time - (max_inactive_interval + 60) * 1000 "
				+ "where session_id = ?", id(cookie));
	}

	/**
	 * @return how many sessions are stored
	 */
	public int count() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Integer.class);
	}

	/**
	 * @param cookie the session cookie's value
	 * @return the session id it holds
	 */
	public static String id(String cookie) {
		return MockMvcSessions.decode(cookie);
	}

}

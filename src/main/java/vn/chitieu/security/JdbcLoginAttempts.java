package vn.chitieu.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link LoginAttempts} of every instance of the application, in the database
 * ({@code login_attempt}): each attempt locks its rows ({@code select … for update}) in a
 * transaction of its own, so that guesses sent in parallel, to one instance or several,
 * are counted one after the other and cannot check more passwords than the limit; and a
 * count survives a restart.
 */
final class JdbcLoginAttempts implements LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(JdbcLoginAttempts.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final LoginProperties properties;

	private final Clock clock;

	JdbcLoginAttempts(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LoginProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		// Counted even when the caller's transaction (a password change) rolls back.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Optional<Duration> attempt(String username, String address, boolean knownUser) {
		return this.transactions.execute((status) -> {
			var now = this.clock.instant();
			var user = userKey(username, address);
			var byAddress = addressKey(address);
			var keys = knownUser ? List.of(user) : List.of(user, byAddress);
			for (var key : keys) {
				this.jdbc.update("""
						insert into login_attempt (key, username, failures, last_at) values (?, ?, 0, ?)
						on conflict (key) do nothing
						""", key, key.equals(user) ? normalise(username) : null, Timestamp.from(now));
			}
			var rows = lock(List.of(user, byAddress));
			var until = later(lockedUntil(rows.get(user), now), lockedUntil(rows.get(byAddress), now));
			if (until.isPresent()) {
				return Optional.of(Duration.between(now, until.get()));
			}
			count(rows.get(user), this.properties.maxFailures(), now);
			if (!knownUser) {
				count(rows.get(byAddress), this.properties.maxFailuresPerAddress(), now);
			}
			return Optional.<Duration>empty();
		});
	}

	@Override
	public void notChecked(String username, String address, boolean knownUser) {
		var keys = knownUser ? List.of(userKey(username, address))
				: List.of(userKey(username, address), addressKey(address));
		this.transactions.executeWithoutResult((status) -> {
			for (var key : keys) {
				this.jdbc.update("update login_attempt set failures = failures - 1 where key = ? and failures > 0",
						key);
			}
		});
	}

	@Override
	public boolean isLocked(String username, String address) {
		return lockedUntil(username, address).isPresent();
	}

	@Override
	public void succeeded(String username, String address) {
		this.jdbc.update("delete from login_attempt where key = ?", userKey(username, address));
	}

	@Override
	public void forget(String username) {
		this.jdbc.update("delete from login_attempt where username = ?", normalise(username));
	}

	/**
	 * @param username the name typed
	 * @param address the client's address
	 * @return until when logging in is refused, if it is
	 */
	Optional<Instant> lockedUntil(String username, String address) {
		var now = this.clock.instant();
		var until = this.jdbc.queryForList("""
				select max(locked_until) from login_attempt where key in (?, ?) and locked_until > ?
				""", Timestamp.class, userKey(username, address), addressKey(address), Timestamp.from(now));
		return until.stream().filter((t) -> t != null).findFirst().map(Timestamp::toInstant);
	}

	/**
	 * Deletes the rows that lock nothing and remember nothing any more: every quarter of
	 * an hour, on every instance (deleting twice is harmless).
	 * @return how many were deleted
	 */
	@Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
	int forgetOld() {
		var now = this.clock.instant();
		int deleted = this.jdbc.update("""
				delete from login_attempt
				where last_at < ? and (locked_until is null or locked_until <= ?)
				""", Timestamp.from(now.minus(this.properties.lockout())), Timestamp.from(now));
		if (deleted > 0) {
			log.debug("Forgot {} old login attempt counts", deleted);
		}
		return deleted;
	}

	private Map<String, Row> lock(List<String> keys) {
		var rows = new HashMap<String, Row>();
		this.jdbc.query("""
				select key, failures, last_at, locked_until from login_attempt
				where key = any (?) order by key for update
				""", (rs) -> {
			var locked = rs.getTimestamp("locked_until");
			rows.put(rs.getString("key"), new Row(rs.getString("key"), rs.getInt("failures"),
					rs.getTimestamp("last_at").toInstant(), (locked != null) ? locked.toInstant() : null));
		}, (Object) keys.toArray(String[]::new));
		return rows;
	}

	/**
	 * Counts one attempt on a locked row; the limit reached locks it for the lockout
	 * period and starts again from zero. A row whose last attempt and lockout are over
	 * starts again too.
	 */
	private void count(Row row, int max, Instant now) {
		var lockout = this.properties.lockout();
		int failures = row.isExpired(now, lockout) ? 1 : row.failures() + 1;
		Instant lockedUntil = row.lockedUntil();
		if (failures >= max) {
			lockedUntil = now.plus(lockout);
			failures = 0;
		}
		this.jdbc.update("update login_attempt set failures = ?, last_at = ?, locked_until = ? where key = ?", failures,
				Timestamp.from(now), (lockedUntil != null) ? Timestamp.from(lockedUntil) : null, row.key());
	}

	private static Optional<Instant> lockedUntil(Row row, Instant now) {
		return (row != null && row.isLocked(now)) ? Optional.of(row.lockedUntil()) : Optional.empty();
	}

	private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
		if (a.isEmpty()) {
			return b;
		}
		if (b.isEmpty()) {
			return a;
		}
		return a.get().isAfter(b.get()) ? a : b;
	}

	private static String userKey(String username, String address) {
		return "user:" + normalise(username) + "@" + address;
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private static String normalise(String username) {
		var name = (username == null) ? "" : username.strip().toLowerCase(Locale.ROOT);
		// Keys are bounded: a name of thousands of characters is not a user's name.
		return (name.length() > 200) ? name.substring(0, 200) : name;
	}

	/** The counts of one key, as locked for this attempt. */
	private record Row(String key, int failures, Instant last, Instant lockedUntil) {

		boolean isLocked(Instant now) {
			return this.lockedUntil != null && this.lockedUntil.isAfter(now);
		}

		/** Nothing to remember: the last attempt and any lockout are over. */
		boolean isExpired(Instant now, Duration lockout) {
			return !isLocked(now) && (this.last == null || this.last.plus(lockout).isBefore(now));
		}

	}

}

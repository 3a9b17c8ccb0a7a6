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

	/** Put off: as many checks as the limit allows are under way. */
	private static final Optional<Duration> BUSY = Optional.of(Duration.ofMillis(-1));

	/** What a caller put off for longer than its patience is told to wait. */
	private static final Duration BUSY_WAIT = Duration.ofMinutes(1);

	private static final Duration WAIT_STEP = Duration.ofMillis(50);

	static final Duration PENDING_FORGOTTEN = Duration.ofMinutes(1);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final LoginProperties properties;

	private final Clock clock;

	private final Duration patience;

	JdbcLoginAttempts(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LoginProperties properties,
			Clock clock) {
		this(jdbc, transactionManager, properties, clock, Duration.ofSeconds(10));
	}

	/**
	 * @param patience how long an attempt waits for a check under way to end when the
	 * limit is reached by checks under way, before it is refused
	 */
	JdbcLoginAttempts(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LoginProperties properties,
			Clock clock, Duration patience) {
		this.jdbc = jdbc;
		// Counted even when the caller's transaction (a password change) rolls back.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
		this.clock = clock;
		this.patience = patience;
	}

	@Override
	public Optional<Duration> attempt(String username, String address, boolean knownUser) {
		long giveUpAt = System.nanoTime() + this.patience.toNanos();
		while (true) {
			var outcome = this.transactions.execute((status) -> tryAttempt(username, address, knownUser));
			if (outcome != BUSY) {
				return outcome;
			}
			// As many passwords as the limit allows are being checked right now: wait for
			// one of them to end rather than refuse a user who may well be right.
			if (System.nanoTime() >= giveUpAt) {
				return Optional.of(BUSY_WAIT);
			}
			try {
				Thread.sleep(WAIT_STEP.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.of(BUSY_WAIT);
			}
		}
	}

	/**
	 * One try, in a transaction holding the rows: refused while locked; put off while the
	 * failures and the checks under way reach the limit; otherwise counted as under way.
	 */
	private Optional<Duration> tryAttempt(String username, String address, boolean knownUser) {
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
		var lockout = this.properties.lockout();
		if (rows.get(user).isFull(this.properties.maxFailures(), now, lockout)
				|| (!knownUser && rows.get(byAddress).isFull(this.properties.maxFailuresPerAddress(), now, lockout))) {
			return BUSY;
		}
		for (var key : keys) {
			var row = rows.get(key);
			this.jdbc.update("""
					update login_attempt set failures = ?, pending = ?, last_at = ?, locked_until = null where key = ?
					""", row.failures(now, lockout), row.pending(now) + 1, Timestamp.from(now), key);
		}
		return Optional.<Duration>empty();
	}

	@Override
	public void failed(String username, String address, boolean knownUser) {
		var keys = knownUser ? List.of(userKey(username, address))
				: List.of(userKey(username, address), addressKey(address));
		this.transactions.executeWithoutResult((status) -> {
			var now = this.clock.instant();
			var rows = lock(keys);
			for (var key : keys) {
				var row = rows.get(key);
				if (row == null) {
					continue;
				}
				int max = key.startsWith("address:") ? this.properties.maxFailuresPerAddress()
						: this.properties.maxFailures();
				int failures = row.failures(now, this.properties.lockout()) + 1;
				Instant lockedUntil = row.lockedUntil();
				if (failures >= max) {
					// The limit reached locks for the lockout period and starts again
					// from zero.
					lockedUntil = now.plus(this.properties.lockout());
					failures = 0;
				}
				this.jdbc.update("""
						update login_attempt set failures = ?, pending = ?, last_at = ?, locked_until = ? where key = ?
						""", failures, Math.max(row.pending(now) - 1, 0), Timestamp.from(now),
						(lockedUntil != null) ? Timestamp.from(lockedUntil) : null, key);
			}
		});
	}

	@Override
	public void notChecked(String username, String address, boolean knownUser) {
		var keys = knownUser ? List.of(userKey(username, address))
				: List.of(userKey(username, address), addressKey(address));
		this.transactions.executeWithoutResult((status) -> {
			for (var key : keys) {
				this.jdbc.update("update login_attempt set pending = pending - 1 where key = ? and pending > 0", key);
			}
		});
	}

	@Override
	public boolean isLocked(String username, String address) {
		return lockedUntil(username, address).isPresent();
	}

	@Override
	public void succeeded(String username, String address) {
		// The failures are forgotten; other checks under way for the name stay counted.
		this.jdbc.update("""
				update login_attempt set failures = 0, pending = greatest(pending - 1, 0) where key = ?
				""", userKey(username, address));
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
				select key, failures, pending, last_at, locked_until from login_attempt
				where key = any (?) order by key for update
				""", (rs) -> {
			var locked = rs.getTimestamp("locked_until");
			rows.put(rs.getString("key"), new Row(rs.getString("key"), rs.getInt("failures"), rs.getInt("pending"),
					rs.getTimestamp("last_at").toInstant(), (locked != null) ? locked.toInstant() : null));
		}, (Object) keys.toArray(String[]::new));
		return rows;
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
	private record Row(String key, int failures, int pending, Instant last, Instant lockedUntil) {

		boolean isLocked(Instant now) {
			return this.lockedUntil != null && this.lockedUntil.isAfter(now);
		}

		/** Nothing to remember: the last attempt and any lockout are over. */
		boolean isExpired(Instant now, Duration lockout) {
			return !isLocked(now) && (this.last == null || this.last.plus(lockout).isBefore(now));
		}

		/** The failures still remembered. */
		int failures(Instant now, Duration lockout) {
			return isExpired(now, lockout) ? 0 : this.failures;
		}

		/**
		 * The checks under way; a check is a fraction of a second, so counts older than
		 * {@link #PENDING_FORGOTTEN} are of checks that never ended (an instance
		 * stopped).
		 */
		int pending(Instant now) {
			return (this.last == null || this.last.plus(PENDING_FORGOTTEN).isBefore(now)) ? 0 : this.pending;
		}

		/** Whether failures and checks under way leave no room for one more check. */
		boolean isFull(int max, Instant now, Duration lockout) {
			return failures(now, lockout) + pending(now) >= max;
		}

	}

}

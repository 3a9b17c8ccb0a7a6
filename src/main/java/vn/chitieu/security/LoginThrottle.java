package vn.chitieu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. After {@code maxFailures} failed logins for one user name
 * from one address, logging in as that user from that address is refused for the lockout
 * period, even with the right password; after {@code maxFailuresPerAddress} failures from
 * one address, whatever the names, every login from it is. A failure is forgotten after
 * the lockout period; a successful login forgets the user's failures from that address;
 * an administrator's password reset forgets all of the user's.
 * <p>
 * Keyed by user name and address together, so that someone guessing from elsewhere cannot
 * lock a user out of their own computer. Kept in memory: one application instance (a
 * restart forgets, which only helps an attacker who can restart the server). Plain Java
 * with a clock, for tests.
 */
public class LoginThrottle {

	/** Entries kept at most; beyond it, expired ones are dropped, then everything. */
	static final int MAX_ENTRIES = 100_000;

	private final LoginProperties properties;

	private final Clock clock;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	public LoginThrottle(LoginProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param username the name typed
	 * @param address the client's address
	 * @return until when logging in is refused, if it is
	 */
	public Optional<Instant> lockedUntil(String username, String address) {
		var now = this.clock.instant();
		return later(lockedUntil(userKey(username, address), now), lockedUntil(addressKey(address), now));
	}

	/**
	 * @param username the name typed
	 * @param address the client's address
	 * @return how long logging in stays refused, if it is
	 */
	public Optional<Duration> remaining(String username, String address) {
		var now = this.clock.instant();
		return lockedUntil(username, address).map((until) -> Duration.between(now, until));
	}

	/**
	 * Counts a failed login.
	 * @param username the name typed
	 * @param address the client's address
	 */
	public void failed(String username, String address) {
		var now = this.clock.instant();
		if (this.failures.size() >= MAX_ENTRIES) {
			this.failures.values().removeIf((f) -> f.isExpired(now, this.properties.lockout()));
			if (this.failures.size() >= MAX_ENTRIES) {
				this.failures.clear();
			}
		}
		count(userKey(username, address), this.properties.maxFailures(), now);
		count(addressKey(address), this.properties.maxFailuresPerAddress(), now);
	}

	/**
	 * Forgets a user's failures from an address: they logged in.
	 * @param username the user
	 * @param address the client's address
	 */
	public void succeeded(String username, String address) {
		this.failures.remove(userKey(username, address));
	}

	/**
	 * Forgets a user's failures from everywhere: an administrator reset the password.
	 * @param username the user
	 */
	public void forget(String username) {
		var prefix = "user:" + normalise(username) + "@";
		this.failures.keySet().removeIf((key) -> key.startsWith(prefix));
	}

	private Optional<Instant> lockedUntil(String key, Instant now) {
		var entry = this.failures.get(key);
		return (entry != null && entry.lockedUntil != null && entry.lockedUntil.isAfter(now))
				? Optional.of(entry.lockedUntil) : Optional.empty();
	}

	private void count(String key, int max, Instant now) {
		var lockout = this.properties.lockout();
		this.failures.compute(key, (k, entry) -> {
			var current = (entry == null || entry.isExpired(now, lockout)) ? new Failures() : entry;
			current.count++;
			current.last = now;
			if (current.count >= max) {
				current.lockedUntil = now.plus(lockout);
				current.count = 0;
			}
			return current;
		});
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
		return (username == null) ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Failures of one key: how many since the last lockout, the last one, the lockout.
	 */
	private static final class Failures {

		int count;

		Instant last;

		Instant lockedUntil;

		/** Nothing to remember: the last failure and any lockout are over. */
		boolean isExpired(Instant now, Duration lockout) {
			boolean locked = this.lockedUntil != null && this.lockedUntil.isAfter(now);
			return !locked && (this.last == null || this.last.plus(lockout).isBefore(now));
		}

	}

}

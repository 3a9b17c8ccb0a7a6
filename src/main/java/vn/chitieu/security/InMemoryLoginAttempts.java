package vn.chitieu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link LoginAttempts} of one application instance, in memory (a restart forgets,
 * which only helps an attacker who can restart the server). Plain Java with a clock, for
 * tests.
 * <p>
 * The table is bounded: beyond {@code maxEntries} it drops, among the entries touched
 * least recently, first one that locks nothing (a lock that is over, or failures below
 * the limit), and only if every one of those locks, the oldest. Locks are never dropped
 * wholesale, so that a flood of attempts from many addresses cannot wipe them.
 */
final class InMemoryLoginAttempts implements LoginAttempts {

	/** Entries kept at most by default. */
	static final int MAX_ENTRIES = 100_000;

	/** How many of the oldest entries are looked at for one that locks nothing. */
	private static final int EVICTION_SCAN = 64;

	private final LoginProperties properties;

	private final Clock clock;

	private final int maxEntries;

	/** In access order: the first entries are those touched least recently. */
	private final LinkedHashMap<String, Failures> entries = new LinkedHashMap<>(1024, 0.75f, true);

	InMemoryLoginAttempts(LoginProperties properties, Clock clock) {
		this(properties, clock, MAX_ENTRIES);
	}

	InMemoryLoginAttempts(LoginProperties properties, Clock clock, int maxEntries) {
		this.properties = properties;
		this.clock = clock;
		this.maxEntries = maxEntries;
	}

	@Override
	public synchronized Optional<Duration> attempt(String username, String address, boolean knownUser) {
		var now = this.clock.instant();
		var until = lockedUntil(username, address, now);
		if (until.isPresent()) {
			return until.map((instant) -> Duration.between(now, instant));
		}
		count(userKey(username, address), this.properties.maxFailures(), now);
		if (!knownUser) {
			count(addressKey(address), this.properties.maxFailuresPerAddress(), now);
		}
		return Optional.empty();
	}

	@Override
	public synchronized boolean isLocked(String username, String address) {
		return lockedUntil(username, address, this.clock.instant()).isPresent();
	}

	@Override
	public synchronized void notChecked(String username, String address, boolean knownUser) {
		uncount(userKey(username, address));
		if (!knownUser) {
			uncount(addressKey(address));
		}
	}

	private void uncount(String key) {
		var entry = this.entries.get(key);
		if (entry != null && entry.count > 0) {
			entry.count--;
		}
	}

	@Override
	public synchronized void succeeded(String username, String address) {
		this.entries.remove(userKey(username, address));
	}

	@Override
	public synchronized void forget(String username) {
		var prefix = "user:" + normalise(username) + "@";
		this.entries.keySet().removeIf((key) -> key.startsWith(prefix));
	}

	/**
	 * @param username the name typed
	 * @param address the client's address
	 * @return until when logging in is refused, if it is
	 */
	synchronized Optional<Instant> lockedUntil(String username, String address) {
		return lockedUntil(username, address, this.clock.instant());
	}

	synchronized int size() {
		return this.entries.size();
	}

	private Optional<Instant> lockedUntil(String username, String address, Instant now) {
		return later(lockedUntil(userKey(username, address), now), lockedUntil(addressKey(address), now));
	}

	private Optional<Instant> lockedUntil(String key, Instant now) {
		var entry = this.entries.get(key);
		return (entry != null && entry.isLocked(now)) ? Optional.of(entry.lockedUntil) : Optional.empty();
	}

	private void count(String key, int max, Instant now) {
		var lockout = this.properties.lockout();
		var entry = this.entries.get(key);
		if (entry == null || entry.isExpired(now, lockout)) {
			entry = new Failures();
			this.entries.put(key, entry);
		}
		entry.count++;
		entry.last = now;
		if (entry.count >= max) {
			entry.lockedUntil = now.plus(lockout);
			entry.count = 0;
		}
		while (this.entries.size() > this.maxEntries) {
			evictOne(now);
		}
	}

	private void evictOne(Instant now) {
		var iterator = this.entries.entrySet().iterator();
		Map.Entry<String, Failures> oldest = null;
		for (int i = 0; i < EVICTION_SCAN && iterator.hasNext(); i++) {
			var entry = iterator.next();
			if (oldest == null) {
				oldest = entry;
			}
			if (!entry.getValue().isLocked(now)) {
				iterator.remove();
				return;
			}
		}
		if (oldest != null) {
			this.entries.remove(oldest.getKey());
		}
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
	 * Attempts of one key: how many since the last lockout, the last one, the lockout.
	 */
	private static final class Failures {

		int count;

		Instant last;

		Instant lockedUntil;

		boolean isLocked(Instant now) {
			return this.lockedUntil != null && this.lockedUntil.isAfter(now);
		}

		/** Nothing to remember: the last attempt and any lockout are over. */
		boolean isExpired(Instant now, Duration lockout) {
			return !isLocked(now) && (this.last == null || this.last.plus(lockout).isBefore(now));
		}

	}

}

package vn.chitieu.progress;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import vn.chitieu.platform.RecentlyUsed;

/**
 * Values computed from the figures (an overview, an indicator in depth), kept by key with
 * the data version they were computed at: the change counters the database keeps by
 * trigger ("all", "year:2024"…). A value kept answers a request that read the same
 * counters.
 * <p>
 * One computation per key at a time. Requests that miss the same key together (the crowd
 * right after an approval) wait for the one computing it and share its value; the caller
 * must hold nothing while it waits, above all no database connection, or a crowd larger
 * than the pool empties it for everyone. The value shared counts for a waiting request
 * when its counters are all at least those the request read (they only grow, in a running
 * installation): nothing the request could see is missing from it.
 * <p>
 * Only the most recently used values are kept.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class Computed<K, V> {

	private final Map<K, Stamped<V>> values;

	private final Map<K, CompletableFuture<Stamped<V>>> running = new ConcurrentHashMap<>();

	/**
	 * @param capacity how many values are kept at most
	 */
	Computed(int capacity) {
		this.values = RecentlyUsed.map(capacity);
	}

	/**
	 * @param key the key
	 * @param stamp the counters the request read
	 * @return the value kept at those counters, else {@code null}
	 */
	V cached(K key, Map<String, Long> stamp) {
		var cached = this.values.get(key);
		return (cached != null && cached.stamp().equals(stamp)) ? cached.value() : null;
	}

	/**
	 * The value, computed by this request or by the one computing it already.
	 * @param key the key
	 * @param stamp the counters the request read
	 * @param compute reads the figures (in a transaction of its own, with the counters
	 * read in it) and computes the value
	 * @return the value
	 */
	V get(K key, Map<String, Long> stamp, Supplier<Stamped<V>> compute) {
		while (true) {
			var cached = cached(key, stamp);
			if (cached != null) {
				return cached;
			}
			var mine = new CompletableFuture<Stamped<V>>();
			var running = this.running.putIfAbsent(key, mine);
			if (running == null) {
				try {
					var computed = compute.get();
					this.values.put(key, computed);
					mine.complete(computed);
					return computed.value();
				}
				catch (RuntimeException | Error ex) {
					mine.completeExceptionally(ex);
					throw ex;
				}
				finally {
					this.running.remove(key, mine);
				}
			}
			try {
				var shared = running.join();
				if (covers(shared.stamp(), stamp)) {
					return shared.value();
				}
				// Begun before a change this request sees: computed again, once more
				// for everyone.
			}
			catch (CompletionException | CancellationException ex) {
				// Its failure belongs to its own request: this one tries for itself.
			}
		}
	}

	/**
	 * @param have the counters a value was computed at
	 * @param need the counters a request read
	 * @return whether every counter the request read is reached
	 */
	static boolean covers(Map<String, Long> have, Map<String, Long> need) {
		if (!have.keySet().equals(need.keySet())) {
			return false;
		}
		for (var entry : need.entrySet()) {
			if (have.get(entry.getKey()) < entry.getValue()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A value with the counters it was computed at.
	 *
	 * @param <T> the value
	 * @param stamp the counters
	 * @param value the value
	 */
	record Stamped<T>(Map<String, Long> stamp, T value) {
	}

}

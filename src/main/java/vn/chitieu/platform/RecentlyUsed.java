package vn.chitieu.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most so many entries, the least recently used going first: what the
 * caches of computed and rendered values keep (a plan's overview, an indicator in depth,
 * a rendered part of a page), bounded so that a city's many pages and filters cannot fill
 * the heap.
 */
public final class RecentlyUsed {

	private RecentlyUsed() {
	}

	/**
	 * @param capacity the most entries kept
	 * @param <K> the key
	 * @param <V> the value
	 * @return a new, empty, thread-safe map (each call synchronised)
	 */
	public static <K, V> Map<K, V> map(int capacity) {
		return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > capacity;
			}
		});
	}

}

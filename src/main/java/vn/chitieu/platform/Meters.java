package vn.chitieu.platform;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * The application's own metrics, in one place (names, tags and meaning are listed in
 * docs/operations.md). They go to Micrometer's global registry, to which Spring Boot
 * binds the Prometheus registry served on the management port; with no registry bound (a
 * unit test) they cost nothing and record nothing.
 */
public final class Meters {

	/** Prefix of every metric of the application. */
	public static final String PREFIX = "chitieu.";

	private Meters() {
	}

	/**
	 * @return the registry the metrics go to
	 */
	public static MeterRegistry registry() {
		return Metrics.globalRegistry;
	}

	/**
	 * Times one computation of progress.
	 * @param view what was computed: {@code overview}, {@code indicator}, …
	 * @param work the computation
	 * @param <T> its result
	 * @return its result
	 */
	public static <T> T progressComputation(String view, Supplier<T> work) {
		return Timer.builder("chitieu.progress.compute")
			.description("Time to compute progress that was not in the cache")
			.tag("view", view)
			.register(registry())
			.record(work);
	}

	/**
	 * Counts a question to the progress cache.
	 * @param cache which cache: {@code overview} (a whole plan) or {@code year} (a year's
	 * figures)
	 * @param hit whether it was answered from the cache (else computed or read again)
	 */
	public static void progressCache(String cache, boolean hit) {
		Counter.builder("chitieu.progress.cache")
			.description("Progress asked: answered from the cache (hit) or computed again (recompute)")
			.tag("cache", cache)
			.tag("result", hit ? "hit" : "recompute")
			.register(registry())
			.increment();
	}

	/**
	 * Counts what the progress cache read from the database when figures changed.
	 * @param read {@code year}: whole school years; {@code units}: only the units whose
	 * figures changed, in a year read before
	 * @param count how many years or units
	 */
	public static void progressRead(String read, int count) {
		Counter.builder("chitieu.progress.read")
			.description("Figures read again after a change: whole school years, or only the units that changed")
			.tag("read", read)
			.register(registry())
			.increment(count);
	}

	/**
	 * Counts a part of a page asked for: answered with the HTML kept (hit) or rendered
	 * again.
	 * @param fragment which part, e.g. {@code overview-tables}
	 * @param hit whether the kept HTML answered
	 */
	public static void fragmentCache(String fragment, boolean hit) {
		Counter.builder("chitieu.fragment.cache")
			.description("Parts of pages asked for: answered with the HTML kept (hit) or rendered again (render)")
			.tag("fragment", fragment)
			.tag("result", hit ? "hit" : "render")
			.register(registry())
			.increment();
	}

	/**
	 * Records the time an Excel export took.
	 * @param kind {@code official}, {@code figures} or {@code school}
	 * @param outcome {@code success} or {@code error}
	 * @param time how long it took, sending included
	 */
	public static void export(String kind, String outcome, Duration time) {
		Timer.builder("chitieu.export")
			.description("Time to build and send an Excel export")
			.tag("kind", kind)
			.tag("outcome", outcome)
			.register(registry())
			.record(time);
	}

	/**
	 * Counts an uploaded file.
	 * @param kind {@code figures} (an Excel template) or {@code plan} (a plan file)
	 * @param reason {@code none} when accepted, else why it was refused:
	 * {@code too_large}, {@code busy}, {@code invalid}
	 */
	public static void upload(String kind, String reason) {
		Counter.builder("chitieu.uploads")
			.description("Uploaded files, accepted or refused (by reason)")
			.tag("kind", kind)
			.tag("result", "none".equals(reason) ? "accepted" : "refused")
			.tag("reason", reason)
			.register(registry())
			.increment();
	}

	/**
	 * Counts a login that did not let the user in.
	 * @param result {@code failed} (wrong user name or password) or {@code throttled}
	 * (refused after repeated failures, the password not checked)
	 */
	public static void login(String result) {
		Counter.builder("chitieu.logins")
			.description(
					"Logins refused: wrong name or password (failed), or refused after repeated failures (throttled)")
			.tag("result", result)
			.register(registry())
			.increment();
	}

}

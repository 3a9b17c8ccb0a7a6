package vn.chitieu.progress;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import vn.chitieu.progress.Computed.Stamped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Values kept by data version, one computation per key at a time: who waits, what a
 * waiter accepts, what happens when the one computing fails.
 */
class ComputedTest {

	private static final Map<String, Long> V1 = Map.of("all", 1L, "year:2024", 5L);

	private static final Map<String, Long> V2 = Map.of("all", 1L, "year:2024", 6L);

	@Test
	void shouldAnswerFromTheKeptValueOnlyAtTheSameCounters() {
		var computed = new Computed<String, String>(4);
		assertThat(computed.get("plan", V1, () -> new Stamped<>(V1, "at v1"))).isEqualTo("at v1");
		assertThat(computed.cached("plan", V1)).isEqualTo("at v1");
		assertThat(computed.cached("plan", V2)).isNull();
		assertThat(computed.cached("other", V1)).isNull();
		assertThat(computed.get("plan", V2, () -> new Stamped<>(V2, "at v2"))).isEqualTo("at v2");
		assertThat(computed.cached("plan", V1)).isNull();
	}

	@Test
	void shouldKeepOnlyTheMostRecentlyUsedValues() {
		var computed = new Computed<Integer, String>(2);
		computed.get(1, V1, () -> new Stamped<>(V1, "one"));
		computed.get(2, V1, () -> new Stamped<>(V1, "two"));
		computed.cached(1, V1);
		computed.get(3, V1, () -> new Stamped<>(V1, "three"));
		assertThat(computed.cached(1, V1)).isEqualTo("one");
		assertThat(computed.cached(2, V1)).isNull();
		assertThat(computed.cached(3, V1)).isEqualTo("three");
	}

	@Test
	void shouldLetWaitersShareTheValueBeingComputed() throws Exception {
		var computed = new Computed<String, String>(4);
		var started = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var runs = new AtomicInteger();
		var first = CompletableFuture.supplyAsync(() -> computed.get("plan", V1, () -> {
			runs.incrementAndGet();
			started.countDown();
			await(release);
			return new Stamped<>(V1, "shared");
		}));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		var second = CompletableFuture.supplyAsync(() -> computed.get("plan", V1, () -> {
			runs.incrementAndGet();
			return new Stamped<>(V1, "own");
		}));
		Thread.sleep(100);
		assertThat(second).isNotDone();
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("shared");
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("shared");
		assertThat(runs).hasValue(1);
	}

	@Test
	void shouldComputeAgainForAWaiterThatSawALaterChange() throws Exception {
		var computed = new Computed<String, String>(4);
		var started = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var first = CompletableFuture.supplyAsync(() -> computed.get("plan", V1, () -> {
			started.countDown();
			await(release);
			return new Stamped<>(V1, "before the change");
		}));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		// Read the counters after an approval the first computation does not include.
		var second = CompletableFuture
			.supplyAsync(() -> computed.get("plan", V2, () -> new Stamped<>(V2, "after the change")));
		Thread.sleep(100);
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("before the change");
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("after the change");
		assertThat(computed.cached("plan", V2)).isEqualTo("after the change");
	}

	@Test
	void shouldAcceptAValueComputedAtLaterCounters() throws Exception {
		var computed = new Computed<String, String>(4);
		var started = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		// The one computing read the counters again in its own transaction, after a
		// change the waiter had not seen yet.
		var first = CompletableFuture.supplyAsync(() -> computed.get("plan", V1, () -> {
			started.countDown();
			await(release);
			return new Stamped<>(V2, "newer");
		}));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		var second = CompletableFuture.supplyAsync(() -> computed.get("plan", V1, () -> {
			throw new AssertionError("computed twice");
		}));
		Thread.sleep(100);
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("newer");
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("newer");
	}

	@Test
	void shouldLetAWaiterTryItselfWhenTheComputationFails() throws Exception {
		var computed = new Computed<String, String>(4);
		var started = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var first = CompletableFuture.supplyAsync(() -> computed.get("plan", V1, () -> {
			started.countDown();
			await(release);
			throw new IllegalStateException("the database went away");
		}));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		var second = CompletableFuture.supplyAsync(() -> computed.get("plan", V1, () -> new Stamped<>(V1, "own")));
		Thread.sleep(100);
		release.countDown();
		assertThatIllegalStateException().isThrownBy(() -> {
			try {
				first.join();
			}
			catch (java.util.concurrent.CompletionException ex) {
				throw (RuntimeException) ex.getCause();
			}
		}).withMessage("the database went away");
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("own");
	}

	@Test
	void shouldCompareCountersOneByOne() {
		assertThat(Computed.covers(V2, V1)).isTrue();
		assertThat(Computed.covers(V1, V1)).isTrue();
		assertThat(Computed.covers(V1, V2)).isFalse();
		assertThat(Computed.covers(Map.of("all", 2L, "year:2024", 4L), V1)).isFalse();
		assertThat(Computed.covers(Map.of("all", 1L), V1)).isFalse();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

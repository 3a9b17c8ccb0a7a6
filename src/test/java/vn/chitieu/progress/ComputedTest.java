package vn.chitieu.progress;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
		var runs = new AtomicInteger();
		var first = Running.start(computed, V1, () -> {
			runs.incrementAndGet();
			return new Stamped<>(V1, "shared");
		});
		var second = CompletableFuture.supplyAsync(() -> computed.get("plan", V1, () -> {
			runs.incrementAndGet();
			return new Stamped<>(V1, "own");
		}));
		Thread.sleep(100);
		assertThat(second).isNotDone();
		first.release();
		assertThat(first.result()).isEqualTo("shared");
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("shared");
		assertThat(runs).hasValue(1);
	}

	@Test
	void shouldComputeAgainForAWaiterThatSawALaterChange() throws Exception {
		var computed = new Computed<String, String>(4);
		var first = Running.start(computed, V1, () -> new Stamped<>(V1, "before the change"));
		// Read the counters after an approval the first computation does not include.
		var second = CompletableFuture
			.supplyAsync(() -> computed.get("plan", V2, () -> new Stamped<>(V2, "after the change")));
		Thread.sleep(100);
		first.release();
		assertThat(first.result()).isEqualTo("before the change");
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("after the change");
		assertThat(computed.cached("plan", V2)).isEqualTo("after the change");
	}

	@Test
	void shouldAcceptAValueComputedAtLaterCounters() throws Exception {
		var computed = new Computed<String, String>(4);
		// The one computing read the counters again in its own transaction, after a
		// change the waiter had not seen yet.
		var first = Running.start(computed, V1, () -> new Stamped<>(V2, "newer"));
		var second = CompletableFuture.supplyAsync(() -> computed.get("plan", V1, () -> {
			throw new AssertionError("computed twice");
		}));
		Thread.sleep(100);
		first.release();
		assertThat(first.result()).isEqualTo("newer");
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("newer");
	}

	@Test
	void shouldLetAWaiterTryItselfWhenTheComputationFails() throws Exception {
		var computed = new Computed<String, String>(4);
		var first = Running.start(computed, V1, () -> {
			throw new IllegalStateException("the database went away");
		});
		var second = CompletableFuture.supplyAsync(() -> computed.get("plan", V1, () -> new Stamped<>(V1, "own")));
		Thread.sleep(100);
		first.release();
		assertThatIllegalStateException().isThrownBy(() -> {
			try {
				first.future().join();
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

	/**
	 * A computation started and held until released, so that others come while it runs.
	 */
	private record Running(CompletableFuture<String> future, CountDownLatch gate) {

		static Running start(Computed<String, String> computed, Map<String, Long> stamp,
				Supplier<Stamped<String>> compute) throws InterruptedException {
			var started = new CountDownLatch(1);
			var release = new CountDownLatch(1);
			var future = CompletableFuture.supplyAsync(() -> computed.get("plan", stamp, () -> {
				started.countDown();
				await(release);
				return compute.get();
			}));
			assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
			return new Running(future, release);
		}

		void release() {
			this.gate.countDown();
		}

		String result() throws Exception {
			return this.future.get(5, TimeUnit.SECONDS);
		}

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

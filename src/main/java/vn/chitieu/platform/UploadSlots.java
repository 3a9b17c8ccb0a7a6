package vn.chitieu.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many uploaded files (Excel templates, plan files) the server reads at once. Reading
 * one costs memory and time however well its content is bounded; two hostile files at
 * once took a 512 MB instance to {@code OutOfMemoryError}. A user who finds every slot
 * taken waits a moment, then is told to try again: nothing of their file was read.
 */
@Component
public class UploadSlots {

	private final Semaphore slots;

	private final Duration wait;

	UploadSlots(@Value("${chitieu.uploads.concurrent:2}") int concurrent,
			@Value("${chitieu.uploads.wait:3s}") Duration wait) {
		if (concurrent < 1) {
			throw new IllegalArgumentException("chitieu.uploads.concurrent must be at least 1: " + concurrent);
		}
		this.slots = new Semaphore(concurrent, true);
		this.wait = wait;
	}

	/**
	 * Reads an upload in a free slot.
	 * @param <T> what reading gives
	 * @param work the reading
	 * @return what it gave
	 * @throws Busy if no slot came free in time
	 */
	public <T> T read(Supplier<T> work) {
		boolean acquired;
		try {
			acquired = this.slots.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Busy();
		}
		if (!acquired) {
			throw new Busy();
		}
		try {
			return work.get();
		}
		finally {
			this.slots.release();
		}
	}

	/**
	 * @return how many uploads could be read now
	 */
	public int available() {
		return this.slots.availablePermits();
	}

	/** Every slot stayed taken: the server is busy reading other files. */
	public static class Busy extends RuntimeException {

		/** The message to show, in messages_*.properties. */
		public static final String MESSAGE = "upload.busy";

		Busy() {
			super("Every upload slot is taken");
		}

	}

}

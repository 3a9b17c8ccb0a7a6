package vn.chitieu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Repeated failed logins: when they lock, what they lock, and when it ends; the table of
 * counts stays bounded.
 */
class InMemoryLoginAttemptsTest {

	private static final String HOME = "10.0.0.5";

	private static final String ELSEWHERE = "203.0.113.9";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));

	private final InMemoryLoginAttempts throttle = new InMemoryLoginAttempts(
			new LoginProperties(5, 50, Duration.ofMinutes(15)), this.clock);

	@Test
	void shouldLockAUserFromAnAddressAfterFiveFailuresForTheLockoutPeriod() {
		fail("thcs-aimo", HOME, 4);
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).isEmpty();
		fail("thcs-aimo", HOME, 1);
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).contains(this.clock.instant().plusSeconds(900));
		assertThat(this.throttle.isLocked("thcs-aimo", HOME)).isTrue();
		assertThat(this.throttle.isLocked("thcs-aimo", ELSEWHERE)).isFalse();
		assertThat(this.throttle.attempt("thcs-aimo", HOME, true)).contains(Duration.ofMinutes(15));
		// The same name however typed.
		assertThat(this.throttle.lockedUntil(" THCS-AiMo ", HOME)).isPresent();

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.throttle.attempt("thcs-aimo", HOME, true)).contains(Duration.ofMinutes(1));
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).isEmpty();
		// A fresh start: one more failure does not lock again.
		fail("thcs-aimo", HOME, 1);
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).isEmpty();
	}

	@Test
	void shouldNotLetSomeoneElsewhereLockAUserOutOfTheirOwnComputer() {
		fail("thcs-aimo", ELSEWHERE, 5);
		assertThat(this.throttle.lockedUntil("thcs-aimo", ELSEWHERE)).isPresent();
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).isEmpty();
		assertThat(this.throttle.lockedUntil("th-bode", ELSEWHERE)).isEmpty();
	}

	@Test
	void shouldForgetFailuresOlderThanTheLockoutPeriod() {
		fail("thcs-aimo", HOME, 4);
		this.clock.advance(Duration.ofMinutes(16));
		fail("thcs-aimo", HOME, 4);
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).isEmpty();
	}

	@Test
	void shouldForgetAUsersFailuresWhenTheyLogIn() {
		fail("thcs-aimo", HOME, 4);
		this.throttle.succeeded("thcs-aimo", HOME);
		fail("thcs-aimo", HOME, 4);
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).isEmpty();
	}

	@Test
	void shouldLiftEveryLockOfAUserWhenAnAdministratorResetsThePassword() {
		fail("thcs-aimo", HOME, 5);
		fail("thcs-aimo", ELSEWHERE, 5);
		fail("th-bode", HOME, 5);
		this.throttle.forget("THCS-AIMO");
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).isEmpty();
		assertThat(this.throttle.lockedUntil("thcs-aimo", ELSEWHERE)).isEmpty();
		assertThat(this.throttle.lockedUntil("th-bode", HOME)).isPresent();
	}

	@Test
	void shouldLockAnAddressThatTriesManyNamesThatDoNotExist() {
		for (int i = 0; i < 49; i++) {
			failUnknown("user" + i, ELSEWHERE);
		}
		assertThat(this.throttle.lockedUntil("anyone", ELSEWHERE)).isEmpty();
		failUnknown("user49", ELSEWHERE);
		assertThat(this.throttle.lockedUntil("anyone", ELSEWHERE)).isPresent();
		assertThat(this.throttle.lockedUntil("anyone", HOME)).isEmpty();
	}

	@Test
	void shouldNotLockAnOfficeBehindOneAddressForOnePersonsMistakes() {
		// Eleven colleagues behind one NAT address, each mistyping four times: 44
		// failures
		// with real names; then one person forgets theirs six times.
		for (int i = 0; i < 11; i++) {
			fail("gv-" + i, HOME, 4);
		}
		fail("thcs-aimo", HOME, 6);
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).isPresent();
		assertThat(this.throttle.lockedUntil("th-bode", HOME)).as("everyone else in the office").isEmpty();
	}

	@Test
	void shouldKeepTheTableBoundedWithoutForgettingLocks() {
		fail("thcs-aimo", HOME, 5);
		// A flood of single failures from ever new addresses, far beyond the table's
		// size.
		for (int i = 0; i < 120_000; i++) {
			failUnknown("x" + i, "198.51." + (i / 250) + "." + (i % 250));
		}
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).as("the lock, kept").isPresent();
		assertThat(this.throttle.size()).isLessThanOrEqualTo(InMemoryLoginAttempts.MAX_ENTRIES);
	}

	@Test
	void shouldRefuseSettingsThatWouldLockNothingOrForever() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginProperties(0, 50, Duration.ofMinutes(15)));
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginProperties(5, 50, Duration.ZERO));
	}

	@Test
	void shouldCountAnAttemptBeforeThePasswordIsCheckedAndForgetItOnSuccess() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.attempt("thcs-aimo", HOME, true)).as("attempt %d", i + 1).isEmpty();
		}
		// Five passwords are being checked: a sixth is refused before its check.
		assertThat(this.throttle.attempt("thcs-aimo", HOME, true)).isPresent();

		this.throttle.attempt("th-bode", HOME, true);
		this.throttle.succeeded("th-bode", HOME);
		fail("th-bode", HOME, 4);
		assertThat(this.throttle.lockedUntil("th-bode", HOME)).isEmpty();
	}

	@Test
	void shouldDropTheOldestEntriesThatLockNothingWhenTheTableIsFull() {
		var small = new InMemoryLoginAttempts(new LoginProperties(5, 50, Duration.ofMinutes(15)), this.clock, 10);
		for (int i = 0; i < 5; i++) {
			small.attempt("thcs-aimo", HOME, true);
		}
		for (int i = 0; i < 30; i++) {
			small.attempt("gv-" + i, HOME, true);
			this.clock.advance(Duration.ofSeconds(1));
		}
		assertThat(small.size()).isEqualTo(10);
		assertThat(small.lockedUntil("thcs-aimo", HOME)).isPresent();
		// The newest counts are kept: four more failures lock gv-29.
		for (int i = 0; i < 4; i++) {
			small.attempt("gv-29", HOME, true);
		}
		assertThat(small.lockedUntil("gv-29", HOME)).isPresent();
	}

	/** Failed logins of a user that exists. */
	private void fail(String username, String address, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.attempt(username, address, true);
		}
	}

	/** A failed login for a user name that does not exist. */
	private void failUnknown(String username, String address) {
		this.throttle.attempt(username, address, false);
	}

	/** A clock the test moves. */
	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}

package vn.chitieu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Repeated failed logins: when they lock, what they lock, and when it ends.
 */
class LoginThrottleTest {

	private static final String HOME = "10.0.0.5";

	private static final String ELSEWHERE = "203.0.113.9";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(new LoginProperties(5, 50, Duration.ofMinutes(15)),
			this.clock);

	@Test
	void shouldLockAUserFromAnAddressAfterFiveFailuresForTheLockoutPeriod() {
		fail("thcs-aimo", HOME, 4);
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).isEmpty();
		fail("thcs-aimo", HOME, 1);
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).contains(this.clock.instant().plusSeconds(900));
		assertThat(this.throttle.remaining("thcs-aimo", HOME)).contains(Duration.ofMinutes(15));
		// The same name however typed.
		assertThat(this.throttle.lockedUntil(" THCS-AiMo ", HOME)).isPresent();

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.throttle.remaining("thcs-aimo", HOME)).contains(Duration.ofMinutes(1));
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
	void shouldLockAnAddressThatTriesManyNames() {
		for (int i = 0; i < 49; i++) {
			fail("user" + i, ELSEWHERE, 1);
		}
		assertThat(this.throttle.lockedUntil("anyone", ELSEWHERE)).isEmpty();
		fail("user49", ELSEWHERE, 1);
		assertThat(this.throttle.lockedUntil("anyone", ELSEWHERE)).isPresent();
		assertThat(this.throttle.lockedUntil("anyone", HOME)).isEmpty();
	}

	@Test
	void shouldRefuseSettingsThatWouldLockNothingOrForever() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginProperties(0, 50, Duration.ofMinutes(15)));
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginProperties(5, 50, Duration.ZERO));
	}

	private void fail(String username, String address, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(username, address);
		}
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

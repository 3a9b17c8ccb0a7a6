package vn.chitieu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.chitieu.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Repeated failed logins, counted in the database: when they lock, what they lock, and
 * when it ends; counts shared by two instances and exact under parallel guesses; old
 * counts forgotten, locks kept. Uses addresses of its own (documentation ranges) and a
 * clock it moves.
 */
@IntegrationTest
class JdbcLoginAttemptsIT {

	private static final String HOME = "192.0.2.5";

	private static final String ELSEWHERE = "203.0.113.9";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private JdbcLoginAttempts throttle;

	@BeforeEach
	void setUp() {
		clean();
		this.throttle = instance();
	}

	@AfterEach
	void clean() {
		this.jdbc.update("delete from login_attempt where key like '%@192.0.2.%' or key like '%@203.0.113.%' "
				+ "or key like '%@198.51.%' or key like 'address:192.0.2.%' or key like 'address:203.0.113.%' "
				+ "or key like 'address:198.51.%'");
	}

	private JdbcLoginAttempts instance() {
		return instance(Duration.ofMillis(200));
	}

	private JdbcLoginAttempts instance(Duration patience) {
		return new JdbcLoginAttempts(this.jdbc, this.transactions, new LoginProperties(5, 50, Duration.ofMinutes(15)),
				this.clock, patience);
	}

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
	void shouldTakeBackAnAttemptWhosePasswordCouldNotBeChecked() {
		fail("thcs-aimo", HOME, 4);
		assertThat(this.throttle.attempt("thcs-aimo", HOME, true)).isEmpty();
		this.throttle.notChecked("thcs-aimo", HOME, true);
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).as("an outage locks nobody").isEmpty();
		assertThat(this.throttle.attempt("thcs-aimo", HOME, true)).as("4 failures, nothing under way").isEmpty();
		this.throttle.failed("thcs-aimo", HOME, true);
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).isPresent();
	}

	@Test
	void shouldShareTheCountsBetweenTwoInstances() {
		var other = instance();
		for (int i = 0; i < 4; i++) {
			var instance = (i % 2 == 0) ? this.throttle : other;
			instance.attempt("thcs-aimo", HOME, true);
			instance.failed("thcs-aimo", HOME, true);
		}
		assertThat(other.isLocked("thcs-aimo", HOME)).isFalse();
		other.attempt("thcs-aimo", HOME, true);
		other.failed("thcs-aimo", HOME, true);
		assertThat(this.throttle.isLocked("thcs-aimo", HOME)).as("five failures over two instances").isTrue();
		assertThat(this.throttle.attempt("thcs-aimo", HOME, true)).isPresent();
	}

	@Test
	void shouldLockOnlyWhenTheGuessesUnderWayTurnOutWrong() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.attempt("thcs-aimo", HOME, true)).isEmpty();
		}
		assertThat(this.throttle.isLocked("thcs-aimo", HOME)).as("five checks under way lock nothing yet").isFalse();
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("thcs-aimo", HOME, true);
		}
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).contains(this.clock.instant().plusSeconds(900));
	}

	@Test
	void shouldLetCallsWithTheRightPasswordSentAtOnceThroughWithoutLocking() throws Exception {
		// An API client sending 16 calls at once with HTTP Basic: each waits for a check
		// under way to end, none is refused, and the account stays open.
		var patient = instance(Duration.ofSeconds(30));
		var threads = Executors.newFixedThreadPool(16);
		try {
			var start = new CountDownLatch(1);
			var results = new ArrayList<Future<Boolean>>();
			for (int i = 0; i < 16; i++) {
				results.add(threads.submit(() -> {
					start.await();
					if (patient.attempt("thcs-aimo", HOME, true).isPresent()) {
						return false;
					}
					Thread.sleep(100); // the password being checked
					patient.succeeded("thcs-aimo", HOME);
					return true;
				}));
			}
			start.countDown();
			int checked = 0;
			for (var result : results) {
				if (result.get(60, TimeUnit.SECONDS)) {
					checked++;
				}
			}
			assertThat(checked).as("calls let through").isEqualTo(16);
			assertThat(patient.isLocked("thcs-aimo", HOME)).isFalse();
			assertThat(patient.attempt("thcs-aimo", HOME, true)).isEmpty();
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void shouldForgetChecksThatNeverEnded() {
		for (int i = 0; i < 5; i++) {
			this.throttle.attempt("thcs-aimo", HOME, true);
		}
		assertThat(this.throttle.attempt("thcs-aimo", HOME, true)).as("five under way").isPresent();
		// The instance checking them stopped: a minute later they are not under way any
		// more.
		this.clock.advance(JdbcLoginAttempts.PENDING_FORGOTTEN.plusSeconds(1));
		assertThat(this.throttle.attempt("thcs-aimo", HOME, true)).isEmpty();
	}

	@Test
	void shouldLetNoMoreGuessesThanTheLimitThroughWhenSentAtOnce() throws Exception {
		var other = instance();
		var threads = Executors.newFixedThreadPool(8);
		try {
			var start = new CountDownLatch(1);
			var results = new ArrayList<Future<Optional<Duration>>>();
			for (int i = 0; i < 24; i++) {
				var instance = (i % 2 == 0) ? this.throttle : other;
				results.add(threads.submit(() -> {
					start.await();
					return instance.attempt("thcs-aimo", HOME, true);
				}));
			}
			start.countDown();
			int checked = 0;
			for (var result : results) {
				if (result.get(60, TimeUnit.SECONDS).isEmpty()) {
					checked++;
				}
			}
			assertThat(checked).as("passwords that could be checked").isEqualTo(5);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void shouldForgetOldCountsAndKeepLocks() {
		for (int i = 0; i < 30; i++) {
			failUnknown("x" + i, "198.51.100." + i);
		}
		this.clock.advance(Duration.ofMinutes(10));
		fail("thcs-aimo", HOME, 5);
		fail("th-bode", HOME, 2);
		this.clock.advance(Duration.ofMinutes(6));

		assertThat(this.throttle.forgetOld()).as("the 30 single failures and their addresses").isEqualTo(60);
		assertThat(this.throttle.lockedUntil("thcs-aimo", HOME)).as("the lock, kept until it ends").isPresent();
		fail("th-bode", HOME, 3);
		assertThat(this.throttle.lockedUntil("th-bode", HOME)).as("recent failures, kept").isPresent();
	}

	/** Failed logins of a user that exists. */
	private void fail(String username, String address, int times) {
		for (int i = 0; i < times; i++) {
			if (this.throttle.attempt(username, address, true).isEmpty()) {
				this.throttle.failed(username, address, true);
			}
		}
	}

	/** A failed login for a user name that does not exist. */
	private void failUnknown(String username, String address) {
		if (this.throttle.attempt(username, address, false).isEmpty()) {
			this.throttle.failed(username, address, false);
		}
	}

	/** A clock the test moves. */
	static final class MutableClock extends Clock {

		private volatile Instant now;

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

package vn.chitieu.web;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chitieu.testsupport.FormClient;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One session, many requests at once, right after logging in — a user opening several
 * tabs, a script, the load test: each page stores the session's new CSRF token, and the
 * sessions kept in PostgreSQL must take the same attribute written by two requests at
 * once (it answered 500 "duplicate key … spring_session_attributes_pk" to all but the
 * first, found by {@code bench/load.py}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentSessionIT {

	@LocalServerPort
	int port;

	@Test
	void shouldServeEveryRequestOfAFreshSessionSentAtOnce() throws Exception {
		var statuses = new ArrayList<Integer>();
		var pool = Executors.newFixedThreadPool(12);
		try {
			for (int round = 0; round < 4; round++) {
				var client = new FormClient(this.port);
				assertThat(client.logIn(Logins.OFFICE, Logins.PASSWORD).statusCode()).isEqualTo(302);
				var calls = new ArrayList<Callable<Integer>>();
				for (int i = 0; i < 12; i++) {
					calls.add(() -> client.get("/plans").statusCode());
				}
				for (var answer : pool.invokeAll(calls)) {
					statuses.add(answer.get());
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).hasSize(48).containsOnly(200);
	}

}

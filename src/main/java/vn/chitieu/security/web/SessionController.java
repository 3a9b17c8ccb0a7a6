package vn.chitieu.security.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Keeps a logged-in user's session alive while a form with unsaved changes is open
 * ({@code app.js} calls it every few minutes), so that a school typing its figures for
 * longer than the session timeout does not lose them on saving. An idle session still
 * ends after the timeout.
 */
@Controller
class SessionController {

	@GetMapping("/session/keepalive")
	ResponseEntity<Void> keepAlive() {
		return ResponseEntity.noContent().build();
	}

}

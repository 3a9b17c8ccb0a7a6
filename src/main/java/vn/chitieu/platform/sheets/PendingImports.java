package vn.chitieu.platform.sheets;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * A file read and previewed, kept in the user's session until it is confirmed: the
 * browser only posts back the token, never the data, and the confirmation is checked
 * again against the database. One import of a kind waits at a time; it can be confirmed
 * for {@link #EXPIRY}. What is kept must be serializable: sessions are stored in the
 * database (Spring Session JDBC).
 *
 * @param <F> the file read
 * @param <P> the preview shown
 */
public final class PendingImports<F, P> {

	/** How long a preview can be confirmed. */
	public static final Duration EXPIRY = Duration.ofMinutes(30);

	private final String attribute;

	/**
	 * @param kind what is imported, naming the session attribute
	 */
	public PendingImports(Class<?> kind) {
		this.attribute = kind.getName() + ".pending";
	}

	/**
	 * Keeps a file read, in place of any other waiting.
	 * @param session the user's session
	 * @param file the file read
	 * @param preview the preview shown
	 * @return the token the confirmation must name
	 */
	public String start(HttpSession session, F file, P preview) {
		var token = UUID.randomUUID().toString();
		session.setAttribute(this.attribute, new Pending<>(token, file, preview, Instant.now()));
		return token;
	}

	/**
	 * @param session the user's session
	 * @param token the token named
	 * @return the import waiting under that token, unless it expired
	 */
	@SuppressWarnings("unchecked")
	public Optional<Pending<F, P>> find(HttpSession session, String token) {
		if (!(session.getAttribute(this.attribute) instanceof Pending<?, ?> pending)
				|| !pending.token().equals(token)) {
			return Optional.empty();
		}
		if (pending.at().plus(EXPIRY).isBefore(Instant.now())) {
			clear(session);
			return Optional.empty();
		}
		return Optional.of((Pending<F, P>) pending);
	}

	/**
	 * Shows a new preview of the same file, under the same token and time.
	 * @param session the user's session
	 * @param pending the import waiting
	 * @param preview the new preview
	 */
	public void replace(HttpSession session, Pending<F, P> pending, P preview) {
		session.setAttribute(this.attribute, new Pending<>(pending.token(), pending.file(), preview, pending.at()));
	}

	/**
	 * Forgets any import waiting.
	 * @param session the user's session
	 */
	public void clear(HttpSession session) {
		session.removeAttribute(this.attribute);
	}

	/**
	 * A file read and previewed, waiting for confirmation.
	 *
	 * @param token what the confirmation must name
	 * @param file the file read
	 * @param preview the preview shown
	 * @param at when it was read
	 * @param <F> the file read
	 * @param <P> the preview shown
	 */
	public record Pending<F, P>(String token, F file, P preview, Instant at) implements Serializable {
	}

}

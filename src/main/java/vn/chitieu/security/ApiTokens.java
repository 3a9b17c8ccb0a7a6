package vn.chitieu.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;

/**
 * Tokens for the JSON API, instead of a password checked on every call: issued and
 * revoked by the administrator, each for one user, whose role and unit it carries. A
 * token is 32 random bytes; only its SHA-256 is stored, so checking one costs a hash and
 * one indexed query (a password costs a BCrypt check, about 100 ms of CPU).
 */
@Service
public class ApiTokens {

	/** What every token starts with: recognisable in a configuration file or a log. */
	static final String PREFIX = "ctk_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	ApiTokens(JdbcTemplate jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * @return every token, the most recent first (never the tokens themselves)
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public List<ApiToken> all() {
		return this.jdbc.query("""
				select t.id, t.name, u.username, u.role, t.created_at, t.created_by, t.revoked_at, t.revoked_by
				from api_token t join app_user u on u.id = t.user_id
				order by t.revoked_at is not null, t.created_at desc, t.id desc""", ApiTokens::token);
	}

	/**
	 * Issues a token for a user.
	 * @param username the user the token acts for
	 * @param name what the token is for (the system that calls the API)
	 * @param actor the administrator
	 * @return the token: shown once, never stored
	 * @throws NoSuchElementException for an unknown user
	 * @throws IllegalArgumentException for a blank or too long name, or an administrator
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public IssuedToken issue(String username, String name, String actor) {
		var label = (name == null) ? "" : name.strip();
		if (label.isEmpty() || label.length() > 100) {
			throw new IllegalArgumentException("name");
		}
		var user = this.jdbc
			.query("select id, role, unit_id from app_user where username = ?",
					(rs, row) -> new Object[] { rs.getLong("id"), Role.valueOf(rs.getString("role")),
							(Long) rs.getObject("unit_id", Long.class) },
					(username == null) ? "" : username.strip().toLowerCase(java.util.Locale.ROOT))
			.stream()
			.findFirst()
			.orElseThrow(NoSuchElementException::new);
		if (user[1] == Role.ADMIN) {
			// The API reads progress; an administrator's account reads none of it.
			throw new IllegalArgumentException("role");
		}
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		var token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Long id = this.jdbc.queryForObject(
				"insert into api_token (user_id, name, token_hash, created_by) values (?, ?, ?, ?) returning id",
				Long.class, user[0], label, hash(token), actor);
		this.audit.record(actor,
				AuditRecord.of("API_TOKEN_ISSUED", "api_token", String.valueOf(id))
					.withUnit((Long) user[2], null)
					.withDetail(username + ": " + label));
		return new IssuedToken(id, label, token);
	}

	/**
	 * Revokes a token: the next call with it is refused (401).
	 * @param id the token
	 * @param actor the administrator
	 * @return false if it was already revoked
	 * @throws NoSuchElementException for an unknown token
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public boolean revoke(long id, String actor) {
		var found = this.jdbc.query("""
				select t.name, t.revoked_at, u.username, u.unit_id
				from api_token t join app_user u on u.id = t.user_id where t.id = ? for update of t""",
				(rs, row) -> new Object[] { rs.getString("name"), rs.getTimestamp("revoked_at"),
						rs.getString("username"), (Long) rs.getObject("unit_id", Long.class) },
				id);
		var token = found.stream().findFirst().orElseThrow(NoSuchElementException::new);
		if (token[1] != null) {
			return false;
		}
		this.jdbc.update("update api_token set revoked_at = now(), revoked_by = ? where id = ?", actor, id);
		this.audit.record(actor,
				AuditRecord.of("API_TOKEN_REVOKED", "api_token", String.valueOf(id))
					.withUnit((Long) token[3], null)
					.withDetail(token[2] + ": " + token[0]));
		return true;
	}

	/**
	 * The user a token acts for: an issued, not revoked token of an enabled user.
	 * @param token the token as sent
	 * @return the user, empty for an unknown or revoked token or a disabled user
	 */
	Optional<CurrentUser> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc
			.query("""
					select u.id, u.username, u.display_name, u.role, u.unit_id, u.must_change_password
					from api_token t join app_user u on u.id = t.user_id
					where t.token_hash = ? and t.revoked_at is null and u.enabled""",
					(rs, row) -> new CurrentUser(rs.getLong("id"), rs.getString("username"), null,
							rs.getString("display_name"), Role.valueOf(rs.getString("role")),
							(Long) rs.getObject("unit_id", Long.class), true, rs.getBoolean("must_change_password"),
							"token"),
					hash(token))
			.stream()
			.findFirst();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ApiToken token(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("username"),
				Role.valueOf(rs.getString("role")), instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
				instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A token as the administrator's page lists it.
	 *
	 * @param id the id
	 * @param name what it is for
	 * @param username the user it acts for
	 * @param role that user's role
	 * @param createdAt when it was issued
	 * @param createdBy by whom
	 * @param revokedAt when it was revoked, null while it works
	 * @param revokedBy by whom
	 */
	public record ApiToken(long id, String name, String username, Role role, Instant createdAt, String createdBy,
			Instant revokedAt, String revokedBy) {

		public boolean revoked() {
			return this.revokedAt != null;
		}

	}

	/**
	 * A token just issued.
	 *
	 * @param id the id
	 * @param name what it is for
	 * @param token the token itself, shown once
	 */
	public record IssuedToken(long id, String name, String token) {

	}

}

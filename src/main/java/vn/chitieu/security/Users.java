package vn.chitieu.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;

/**
 * Creating users and changing passwords. Every change is audited; passwords are stored
 * only as hashes.
 */
@Service
@Transactional(readOnly = true)
public class Users {

	private static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,59}";

	private final AppUserRepository users;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final LoginAttempts attempts;

	private final UserSessions sessions;

	Users(AppUserRepository users, PasswordEncoder encoder, AuditLog audit, LoginAttempts attempts,
			UserSessions sessions) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.attempts = attempts;
		this.sessions = sessions;
	}

	public List<UserSummary> all() {
		return this.users.findAllByOrderByRoleAscUsernameAsc().stream().map(AppUser::toSummary).toList();
	}

	/**
	 * @param filter which users
	 * @return the users the filter lets through, by role and login name
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public List<UserSummary> search(UserFilter filter) {
		return all().stream().filter(filter::matches).toList();
	}

	/**
	 * @param id a user's id
	 * @return the user, if it exists
	 */
	public Optional<UserSummary> find(long id) {
		return this.users.findById(id).map(AppUser::toSummary);
	}

	/**
	 * @param username a login name as typed
	 * @return whether it is a well-formed login name (3 to 60 letters, digits, dots,
	 * dashes and underscores, starting with a letter or digit; upper case is taken as
	 * lower case)
	 */
	public static boolean isWellFormed(String username) {
		return normalise(username).matches(USERNAME) && username.strip().equals(username);
	}

	/**
	 * @param username a login name as typed
	 * @return whether a user of that name exists already
	 */
	public boolean isTaken(String username) {
		return exists(username);
	}

	public Optional<UserSummary> find(String username) {
		return this.users.findByUsername(normalise(username)).map(AppUser::toSummary);
	}

	public boolean exists(Role role) {
		return this.users.existsByRole(role);
	}

	/**
	 * @param username a login name as typed
	 * @return whether a user of that name exists
	 */
	boolean exists(String username) {
		return this.users.findByUsername(normalise(username)).isPresent();
	}

	/**
	 * Creates a user.
	 * @param user what the user is
	 * @param actor who creates it
	 * @return the user
	 * @throws IllegalArgumentException if the name or password is not acceptable or the
	 * name is taken
	 */
	@Transactional
	public UserSummary create(NewUser user, String actor) {
		var username = normalise(user.username());
		if (!username.matches(USERNAME)) {
			throw new IllegalArgumentException("Invalid username: " + user.username());
		}
		if (!PasswordPolicy.isAcceptable(user.password())) {
			throw new IllegalArgumentException("Password too short or too long");
		}
		if (this.users.findByUsername(username).isPresent()) {
			throw new IllegalArgumentException("Username taken: " + username);
		}
		var entity = new AppUser(username, this.encoder.encode(user.password()), user.displayName(), user.role(),
				user.unitId(), Instant.now());
		entity.changePassword(entity.getPasswordHash(), user.mustChangePassword());
		var saved = this.users.save(entity);
		this.audit.record(actor,
				AuditRecord.of("USER_CREATED", "user", username)
					.withUnit(user.unitId(), null)
					.withChange("role", null, user.role().name()));
		return saved.toSummary();
	}

	/**
	 * Creates many users at once; users with the same password share one hash
	 * computation.
	 * @param users what the users are
	 * @param actor who creates them
	 */
	@Transactional
	public void createAll(List<NewUser> users, String actor) {
		var hashes = new java.util.HashMap<String, String>();
		var audits = new java.util.ArrayList<AuditRecord>();
		var now = Instant.now();
		for (var user : users) {
			var username = normalise(user.username());
			if (!username.matches(USERNAME) || !PasswordPolicy.isAcceptable(user.password())) {
				throw new IllegalArgumentException("Invalid user: " + user.username());
			}
			var hash = hashes.computeIfAbsent(user.password(), this.encoder::encode);
			var entity = new AppUser(username, hash, user.displayName(), user.role(), user.unitId(), now);
			entity.changePassword(hash, user.mustChangePassword());
			this.users.save(entity);
			audits.add(AuditRecord.of("USER_CREATED", "user", username)
				.withUnit(user.unitId(), null)
				.withChange("role", null, user.role().name()));
		}
		this.audit.record(actor, audits);
	}

	/**
	 * Creates a user with a one-time password, which they must change at their first
	 * login: an administrator's way to add a person.
	 * @param username the login name
	 * @param profile who the user is
	 * @param actor the administrator
	 * @return the user and the one-time password, to be shown once
	 * @throws IllegalArgumentException if the name is malformed or taken, or the role and
	 * the unit do not fit together
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public PasswordReset createWithOneTimePassword(String username, UserProfile profile, String actor) {
		var name = normalise(username);
		if (!name.matches(USERNAME)) {
			throw new IllegalArgumentException("Invalid username: " + username);
		}
		if (this.users.findByUsername(name).isPresent()) {
			throw new IllegalArgumentException("Username taken: " + name);
		}
		var password = PasswordPolicy.oneTimePassword();
		var entity = new AppUser(name, this.encoder.encode(password), profile.displayName(), profile.role(),
				profile.unitId(), Instant.now());
		entity.changePassword(entity.getPasswordHash(), true);
		entity.createdBy(actor, profile.contact());
		this.users.save(entity);
		this.audit.record(actor,
				List.of(AuditRecord.of("USER_CREATED", "user", name)
					.withUnit(profile.unitId(), null)
					.withChange("role", null, profile.role().name()),
						AuditRecord.of("USER_CREATED", "user", name)
							.withUnit(profile.unitId(), null)
							.withChange("displayName", null, profile.displayName())));
		return new PasswordReset(name, password);
	}

	/**
	 * Changes a user's name, role, unit and contact, field by field in the audit trail. A
	 * change of role or unit ends the user's sessions, which hold the old ones.
	 * @param id the user
	 * @param profile what the user is to be
	 * @param version the version the administrator's form was opened on
	 * @param actor the administrator
	 * @return whether anything changed
	 * @throws UserChangedException if the user changed since the form was opened
	 * @throws java.util.NoSuchElementException for an unknown user
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public boolean update(long id, UserProfile profile, int version, String actor) {
		var user = this.users.findById(id).orElseThrow();
		if (user.getVersion() != version) {
			throw new UserChangedException(user.toSummary());
		}
		var changes = new java.util.ArrayList<AuditRecord>();
		var base = AuditRecord.of("USER_CHANGED", "user", user.getUsername()).withUnit(profile.unitId(), null);
		addChange(changes, base, "displayName", user.getDisplayName(), profile.displayName());
		addChange(changes, base, "role", user.getRole().name(), profile.role().name());
		addChange(changes, base, "unit", str(user.getUnitId()), str(profile.unitId()));
		addChange(changes, base, "contact", user.getContact(), profile.contact());
		if (changes.isEmpty()) {
			return false;
		}
		boolean scopeChanged = user.getRole() != profile.role() || !Objects.equals(user.getUnitId(), profile.unitId());
		user.update(profile.displayName(), profile.role(), profile.unitId(), profile.contact());
		this.users.flush();
		if (scopeChanged) {
			this.sessions.endOthers(user.getUsername());
		}
		this.audit.record(actor, changes);
		return true;
	}

	/**
	 * Disables a user (they can no longer log in, and every session of theirs ends at
	 * once) or enables them again.
	 * @param id the user
	 * @param enabled whether the user may log in
	 * @param actor the administrator
	 * @return whether anything changed
	 * @throws IllegalStateException if administrators try to disable themselves
	 * @throws java.util.NoSuchElementException for an unknown user
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public boolean setEnabled(long id, boolean enabled, String actor) {
		var user = this.users.findById(id).orElseThrow();
		if (!enabled && user.getUsername().equals(normalise(actor))) {
			throw new IllegalStateException("An administrator cannot disable themself");
		}
		if (user.isEnabled() == enabled) {
			return false;
		}
		user.setEnabled(enabled);
		if (!enabled) {
			this.sessions.endOthers(user.getUsername());
		}
		this.audit.record(actor,
				AuditRecord.of(enabled ? "USER_ENABLED" : "USER_DISABLED", "user", user.getUsername())
					.withUnit(user.getUnitId(), null)
					.withChange("enabled", String.valueOf(!enabled), String.valueOf(enabled)));
		return true;
	}

	/**
	 * Records a successful login.
	 * @param username the user
	 */
	@Transactional
	void recordLogin(String username) {
		this.users.recordLogin(normalise(username), Instant.now());
	}

	private static void addChange(List<AuditRecord> changes, AuditRecord base, String field, String before,
			String after) {
		if (!Objects.equals(before, after)) {
			changes.add(base.withChange(field, before, after));
		}
	}

	private static String str(Long value) {
		return (value != null) ? value.toString() : null;
	}

	/**
	 * Changes one's own password. The current password is a password like the one of a
	 * login: checking it is throttled with the same counts ({@link LoginAttempts}), so a
	 * session left open cannot be used to guess it. The user's other sessions end
	 * ({@link #isCurrent}).
	 * @param username the user
	 * @param currentPassword the password now
	 * @param newPassword the new password
	 * @param address the client's address
	 * @return changed, or why not
	 * @throws IllegalArgumentException if the new password is not acceptable
	 */
	@Transactional
	public PasswordChange changePassword(String username, String currentPassword, String newPassword, String address) {
		if (!PasswordPolicy.isAcceptable(newPassword)) {
			throw new IllegalArgumentException("Password too short or too long");
		}
		var user = this.users.findByUsername(normalise(username)).orElseThrow();
		if (this.attempts.attempt(user.getUsername(), address, true).isPresent()) {
			return PasswordChange.LOCKED;
		}
		if (currentPassword == null || !this.encoder.matches(currentPassword, user.getPasswordHash())) {
			this.attempts.failed(user.getUsername(), address, true);
			return PasswordChange.WRONG_PASSWORD;
		}
		this.attempts.succeeded(user.getUsername(), address);
		user.changePassword(this.encoder.encode(newPassword), false);
		this.sessions.endOthers(user.getUsername());
		this.audit.record(user.getUsername(), AuditRecord.of("PASSWORD_CHANGED", "user", user.getUsername()));
		return PasswordChange.CHANGED;
	}

	/**
	 * What became of a password change.
	 */
	public enum PasswordChange {

		/** Changed; the user's other sessions end. */
		CHANGED,
		/** The current password was wrong (counted as a failed login). */
		WRONG_PASSWORD,
		/** Too many wrong passwords: refused without checking. */
		LOCKED

	}

	/**
	 * Gives a user a new one-time password, which they must change when they log in, and
	 * lifts any lock on their logins: an administrator's answer to a forgotten password.
	 * Every session of the user ends ({@link #isCurrent}).
	 * @param id the user
	 * @param actor the administrator
	 * @return the user and the one-time password, to be shown once; empty for an unknown
	 * user
	 */
	@Transactional
	public Optional<PasswordReset> resetPassword(long id, String actor) {
		return this.users.findById(id).map((user) -> {
			var password = PasswordPolicy.oneTimePassword();
			user.changePassword(this.encoder.encode(password), true);
			this.attempts.forget(user.getUsername());
			this.sessions.endOthers(user.getUsername());
			this.audit.record(actor,
					AuditRecord.of("PASSWORD_RESET", "user", user.getUsername()).withUnit(user.getUnitId(), null));
			return new PasswordReset(user.getUsername(), password);
		});
	}

	/**
	 * Loads a user for login.
	 * @param username the login name
	 * @return the user, if it exists
	 */
	Optional<CurrentUser> loadForLogin(String username) {
		return this.users.findByUsername(normalise(username))
			.map((u) -> new CurrentUser(u.getId(), u.getUsername(), u.getPasswordHash(), u.getDisplayName(),
					u.getRole(), u.getUnitId(), u.isEnabled(), u.isMustChangePassword(), stamp(u.getPasswordHash())));
	}

	/**
	 * Whether a logged-in user's session may go on: the user still exists, is enabled and
	 * has the password they logged in with. A password reset, a password change made in
	 * another session, or disabling the user ends the session at its next request.
	 * @param user the user of a session
	 * @return false if the session must end
	 */
	boolean isCurrent(CurrentUser user) {
		return this.users.findById(user.id())
			.filter(AppUser::isEnabled)
			.filter((u) -> u.getRole() == user.role() && Objects.equals(u.getUnitId(), user.unitId()))
			.map((u) -> stamp(u.getPasswordHash()).equals(user.sessionStamp()))
			.orElse(false);
	}

	/**
	 * A fingerprint of a password hash, kept in the session instead of the hash: it
	 * changes whenever the password does.
	 */
	private static String stamp(String passwordHash) {
		try {
			var digest = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(passwordHash).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String normalise(String username) {
		return (username == null) ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

}

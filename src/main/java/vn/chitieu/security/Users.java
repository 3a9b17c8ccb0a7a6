package vn.chitieu.security;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

	private final LoginThrottle throttle;

	Users(AppUserRepository users, PasswordEncoder encoder, AuditLog audit, LoginThrottle throttle) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.throttle = throttle;
	}

	public List<UserSummary> all() {
		return this.users.findAllByOrderByRoleAscUsernameAsc().stream().map(AppUser::toSummary).toList();
	}

	public Optional<UserSummary> find(String username) {
		return this.users.findByUsername(normalise(username)).map(AppUser::toSummary);
	}

	public boolean exists(Role role) {
		return this.users.existsByRole(role);
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
	 * Changes one's own password.
	 * @param username the user
	 * @param currentPassword the password now
	 * @param newPassword the new password
	 * @return false if the current password is wrong
	 * @throws IllegalArgumentException if the new password is not acceptable
	 */
	@Transactional
	public boolean changePassword(String username, String currentPassword, String newPassword) {
		if (!PasswordPolicy.isAcceptable(newPassword)) {
			throw new IllegalArgumentException("Password too short or too long");
		}
		var user = this.users.findByUsername(normalise(username)).orElseThrow();
		if (currentPassword == null || !this.encoder.matches(currentPassword, user.getPasswordHash())) {
			return false;
		}
		user.changePassword(this.encoder.encode(newPassword), false);
		this.audit.record(user.getUsername(), AuditRecord.of("PASSWORD_CHANGED", "user", user.getUsername()));
		return true;
	}

	/**
	 * Gives a user a new one-time password, which they must change when they log in, and
	 * lifts any lock on their logins: an administrator's answer to a forgotten password.
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
			this.throttle.forget(user.getUsername());
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
					u.getRole(), u.getUnitId(), u.isEnabled(), u.isMustChangePassword()));
	}

	private static String normalise(String username) {
		return (username == null) ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

}

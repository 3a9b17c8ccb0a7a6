package vn.chitieu.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A row of {@code app_user}.
 */
@Entity
@Table(name = "app_user")
class AppUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "display_name")
	private String displayName;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "unit_id")
	private Long unitId;

	private boolean enabled = true;

	@Column(name = "must_change_password")
	private boolean mustChangePassword;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	private String contact;

	@Column(name = "last_login_at")
	private Instant lastLoginAt;

	@Version
	private int version;

	protected AppUser() {
	}

	AppUser(String username, String passwordHash, String displayName, Role role, Long unitId, Instant now) {
		if (role.isUnitBound() != (unitId != null)) {
			throw new IllegalArgumentException("SCHOOL and WARD users, and only they, are bound to a unit");
		}
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.role = role;
		this.unitId = unitId;
		this.createdAt = now;
	}

	/**
	 * Records who created the user and how to reach them.
	 */
	void createdBy(String actor, String contact) {
		this.createdBy = actor;
		this.contact = contact;
	}

	/**
	 * Changes what an administrator may change (never the login name).
	 * @throws IllegalArgumentException if the role and the unit do not fit together
	 */
	void update(String displayName, Role role, Long unitId, String contact) {
		if (role.isUnitBound() != (unitId != null)) {
			throw new IllegalArgumentException("SCHOOL and WARD users, and only they, are bound to a unit");
		}
		this.displayName = displayName;
		this.role = role;
		this.unitId = unitId;
		this.contact = contact;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	String getContact() {
		return this.contact;
	}

	int getVersion() {
		return this.version;
	}

	void changePassword(String passwordHash, boolean mustChange) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChange;
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	String getDisplayName() {
		return this.displayName;
	}

	Role getRole() {
		return this.role;
	}

	Long getUnitId() {
		return this.unitId;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	boolean isMustChangePassword() {
		return this.mustChangePassword;
	}

	UserSummary toSummary() {
		return new UserSummary(this.id, this.username, this.displayName, this.role, this.unitId, this.enabled,
				this.mustChangePassword, this.createdAt, this.createdBy, this.contact, this.lastLoginAt, this.version);
	}

}

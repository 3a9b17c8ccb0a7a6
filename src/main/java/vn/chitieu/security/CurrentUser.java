package vn.chitieu.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user: their role and, for SCHOOL and WARD users, their unit.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

	/**
	 * Sessions are stored in the database, serialised, and read by every instance: a
	 * fixed version keeps them readable across releases that do not change these fields.
	 */
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private String passwordHash;

	private final String displayName;

	private final Role role;

	private final Long unitId;

	private final boolean enabled;

	private final boolean mustChangePassword;

	private final String sessionStamp;

	CurrentUser(long id, String username, String passwordHash, String displayName, Role role, Long unitId,
			boolean enabled, boolean mustChangePassword, String sessionStamp) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.role = role;
		this.unitId = unitId;
		this.enabled = enabled;
		this.mustChangePassword = mustChangePassword;
		this.sessionStamp = sessionStamp;
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	/**
	 * @return the school or ward of a SCHOOL or WARD user, null otherwise
	 */
	public Long unitId() {
		return this.unitId;
	}

	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	/**
	 * @return a fingerprint of the password the user logged in with: a session whose
	 * stamp no longer matches the user's ends
	 */
	String sessionStamp() {
		return this.sessionStamp;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CurrentUser user && user.username.equals(this.username);
	}

	@Override
	public int hashCode() {
		return this.username.hashCode();
	}

	@Override
	public String toString() {
		return "CurrentUser[" + this.username + ", " + this.role + "]";
	}

}

package vn.chitieu.security.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.chitieu.security.Role;
import vn.chitieu.security.UserProfile;
import vn.chitieu.security.UserSummary;

/**
 * The form that creates a user or changes one. The login name is read only when a user is
 * created (it never changes); the version only when one is changed.
 *
 * @param username the login name
 * @param displayName the person's full name
 * @param role the role
 * @param unitId the school or ward of a SCHOOL or WARD user
 * @param contact an e-mail address or a telephone number, or nothing
 * @param version the version the form was opened on (edits only)
 */
record UserForm(@Size(max = 60) String username, @NotBlank @Size(max = 200) String displayName, @NotNull Role role,
		Long unitId, @Size(max = 200) @Pattern(regexp = CONTACT) String contact, Integer version) {

	/**
	 * Nothing, an e-mail address, or a telephone number (digits, spaces, dots, dashes).
	 */
	static final String CONTACT = "^$|^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$|^\\s*\\+?[0-9][0-9 .-]{7,19}\\s*$";

	static UserForm empty() {
		return new UserForm("", "", null, null, "", null);
	}

	static UserForm of(UserSummary user) {
		return new UserForm(user.username(), user.displayName(), user.role(), user.unitId(),
				(user.contact() != null) ? user.contact() : "", user.version());
	}

	UserProfile profile() {
		var trimmedContact = (this.contact == null || this.contact.isBlank()) ? null : this.contact.strip();
		return new UserProfile(this.displayName.strip(), this.role, this.unitId, trimmedContact);
	}

}

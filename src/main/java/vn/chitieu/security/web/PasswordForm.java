package vn.chitieu.security.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import vn.chitieu.security.PasswordPolicy;

/**
 * The password change form.
 *
 * @param currentPassword the password now
 * @param newPassword the new password
 * @param confirmation the new password again
 */
record PasswordForm(@NotBlank String currentPassword,
		@NotBlank @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String newPassword,
		@NotBlank String confirmation) {

	static PasswordForm empty() {
		return new PasswordForm("", "", "");
	}

}

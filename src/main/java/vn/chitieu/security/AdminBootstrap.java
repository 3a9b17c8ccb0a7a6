package vn.chitieu.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import vn.chitieu.audit.AuditLog;

/**
 * Makes sure an administrator exists. There is no built-in password: it comes from the
 * environment, or is generated once and printed at this start only.
 */
@Component
class AdminBootstrap implements ApplicationRunner, Ordered {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final Users users;

	private final AdminProperties properties;

	AdminBootstrap(Users users, AdminProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.exists(Role.ADMIN)) {
			return;
		}
		var given = this.properties.password();
		boolean generated = given == null || given.isBlank();
		var password = generated ? PasswordPolicy.oneTimePassword() : given;
		if (!generated && !PasswordPolicy.isAcceptable(password)) {
			throw new IllegalStateException("CHITIEU_ADMIN_PASSWORD must have " + PasswordPolicy.MIN_LENGTH + " to "
					+ PasswordPolicy.MAX_LENGTH + " characters");
		}
		this.users.create(
				new NewUser(this.properties.username(), password, "Quản trị hệ thống", Role.ADMIN, null, generated),
				AuditLog.SYSTEM);
		if (generated) {
			log.warn("""

					============================================================
					 First administrator created. Log in once and change it:
					   user:     {}
					   password: {}
					 This password is shown only now.
					============================================================
					""", this.properties.username(), password);
		}
		else {
			log.info("First administrator '{}' created from the environment", this.properties.username());
		}
	}

	@Override
	public int getOrder() {
		// After the sample district, which brings its own administrator.
		return 30;
	}

}

package vn.chitieu.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Reads users for login from {@code app_user}.
 */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

	private final Users users;

	DatabaseUserDetailsService(Users users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.users.loadForLogin(username).orElseThrow(() -> new UsernameNotFoundException(username));
	}

}

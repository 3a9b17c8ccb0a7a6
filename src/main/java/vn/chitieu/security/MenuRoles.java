package vn.chitieu.security;

import java.util.HashSet;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the layout shows by role (the menu, the set-up banners), read once per page from
 * the reader's authorities: the layout's twenty checks cost a lookup each instead of a
 * Spring Security expression parsed and evaluated each ({@code sec:authorize}). The same
 * rules as {@code hasRole}/{@code isAuthenticated()}; what a page lets anyone do is still
 * decided by the security configuration, never by the menu.
 */
@Component("menuRoles")
public class MenuRoles {

	private static final Held NOBODY = new Held(false, Set.of());

	/**
	 * @param authentication the reader's authentication ({@code #authentication}), may be
	 * {@code null}
	 * @return what the reader holds
	 */
	public Held of(Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return NOBODY;
		}
		var roles = new HashSet<String>();
		for (var authority : authentication.getAuthorities()) {
			var name = authority.getAuthority();
			if (name != null && name.startsWith("ROLE_")) {
				roles.add(name.substring("ROLE_".length()));
			}
		}
		return new Held(true, Set.copyOf(roles));
	}

	/**
	 * The reader's roles.
	 *
	 * @param authenticated whether the reader is logged in
	 * @param roles the roles held, without their {@code ROLE_} prefix
	 */
	public record Held(boolean authenticated, Set<String> roles) {

		/**
		 * @param names roles, e.g. {@code OFFICE}
		 * @return whether the reader holds one of them
		 */
		public boolean any(String... names) {
			for (var name : names) {
				if (this.roles.contains(name)) {
					return true;
				}
			}
			return false;
		}

	}

}

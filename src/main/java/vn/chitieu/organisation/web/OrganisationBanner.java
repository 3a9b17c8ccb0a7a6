package vn.chitieu.organisation.web;

import org.springframework.dao.DataAccessException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.chitieu.organisation.Organisation;

/**
 * Tells the Office and the administrator, on every page, that the organisation is not set
 * up yet (its documents would carry placeholders), until it is.
 */
@ControllerAdvice
class OrganisationBanner {

	private final Organisation organisation;

	OrganisationBanner(Organisation organisation) {
		this.organisation = organisation;
	}

	/**
	 * @return whether to show the "set up the organisation" banner
	 */
	@ModelAttribute("organisationMissing")
	boolean organisationMissing() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.noneMatch((a) -> a.equals("ROLE_OFFICE") || a.equals("ROLE_ADMIN"))) {
			return false;
		}
		try {
			return !this.organisation.current().isSetUp();
		}
		catch (DataAccessException | TransactionException ex) {
			// The database is unreachable: the page saying so must still render.
			return false;
		}
	}

}

package vn.chitieu.organisation.web;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.chitieu.organisation.Organisation;
import vn.chitieu.organisation.OrganisationSettings;

/**
 * Gives every page the organisation's settings: the layout names the organisation in its
 * footer and tells the Office and the administrator that the organisation is not set up
 * yet (its documents would carry placeholders), until it is.
 */
@ControllerAdvice
class OrganisationBanner {

	private final Organisation organisation;

	OrganisationBanner(Organisation organisation) {
		this.organisation = organisation;
	}

	/**
	 * The organisation's settings for the layout: its name in the footer, and the "set up
	 * the organisation" banner for the Office and the administrator while it is not set
	 * up.
	 * @return the settings, or {@code null} when the database cannot be reached
	 */
	@ModelAttribute("orgSettings")
	OrganisationSettings orgSettings() {
		try {
			return this.organisation.current();
		}
		catch (DataAccessException | TransactionException ex) {
			// The database is unreachable: the page saying so must still render.
			return null;
		}
	}

}

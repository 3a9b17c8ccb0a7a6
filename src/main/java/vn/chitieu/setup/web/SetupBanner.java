package vn.chitieu.setup.web;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.chitieu.organisation.Organisation;
import vn.chitieu.organisation.OrganisationSettings;
import vn.chitieu.setup.Setup;
import vn.chitieu.setup.SetupStatus;

/**
 * Gives every page the organisation's settings (its name in the footer) and what the
 * installation still lacks: until it is set up, the layout tells the administrator and
 * the Office what is missing and links to it, and tells everyone else whose pages would
 * be empty that the Office is still setting up. The settings are read once per page; the
 * other steps come from memory ({@link Setup}).
 */
@ControllerAdvice
class SetupBanner {

	private final Organisation organisation;

	private final Setup setup;

	SetupBanner(Organisation organisation, Setup setup) {
		this.organisation = organisation;
		this.setup = setup;
	}

	/**
	 * Adds {@code orgSettings}, the organisation's settings, and {@code setupStatus},
	 * what the installation lacks; both {@code null} when the database cannot be reached
	 * (the page saying so must still render).
	 * @param model the page's model
	 */
	@ModelAttribute
	void setupAttributes(Model model) {
		OrganisationSettings settings;
		try {
			settings = this.organisation.current();
		}
		catch (DataAccessException | TransactionException ex) {
			model.addAttribute("orgSettings", null);
			model.addAttribute("setupStatus", null);
			return;
		}
		model.addAttribute("orgSettings", settings);
		SetupStatus status = this.setup.statusOrNull();
		model.addAttribute("setupStatus", (status != null) ? status.withOrganisation(settings.isSetUp()) : null);
	}

}

package vn.chitieu.dataentry.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import vn.chitieu.dataentry.Submissions;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.UnitAccess;

/**
 * The page of one school or ward: who it is and where its yearly submissions stand. A
 * school or ward user reaches only their own; the Office and leaders reach all.
 */
@Controller
class UnitPageController {

	private final OrgUnits units;

	private final Submissions submissions;

	private final UnitAccess access;

	UnitPageController(OrgUnits units, Submissions submissions, UnitAccess access) {
		this.units = units;
		this.submissions = submissions;
		this.access = access;
	}

	@GetMapping("/schools/{id}")
	String school(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		// Check access before looking the unit up, so that ids of other units reveal
		// nothing.
		this.access.checkRead(user, id);
		var school = this.units.school(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("school", school);
		model.addAttribute("years", this.submissions.years(id));
		return "dataentry/school";
	}

	@GetMapping("/wards/{id}")
	String ward(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		this.access.checkRead(user, id);
		var ward = this.units.ward(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("ward", ward);
		// A merged ward lists the schools of its last year, a new ward those of its
		// years.
		model.addAttribute("schools", this.units.schoolsOf(ward));
		model.addAttribute("lineage", this.units.lineage(id));
		model.addAttribute("years", this.submissions.years(id));
		return "dataentry/ward";
	}

}

package vn.chitieu.orgunit.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.School;

/**
 * The district's schools and wards, for the Office and leaders.
 */
@Controller
class OrgUnitController {

	private final OrgUnits units;

	OrgUnitController(OrgUnits units) {
		this.units = units;
	}

	@GetMapping("/schools")
	String schools(@RequestParam(required = false) EducationLevel level, @RequestParam(required = false) Long ward,
			@RequestParam(required = false) Ownership ownership, Model model) {
		List<School> schools = this.units.schools()
			.stream()
			.filter((s) -> level == null || s.teaches(level))
			.filter((s) -> ward == null || s.wardId() == ward)
			.filter((s) -> ownership == null || s.ownership() == ownership)
			.toList();
		model.addAttribute("schools", schools);
		model.addAttribute("wards", this.units.wards());
		model.addAttribute("levels", EducationLevel.values());
		model.addAttribute("ownerships", Ownership.values());
		model.addAttribute("level", level);
		model.addAttribute("ward", ward);
		model.addAttribute("ownership", ownership);
		return "orgunit/schools";
	}

	@GetMapping("/wards")
	String wards(Model model) {
		// The wards of today first, then those merged or split (marked so).
		model.addAttribute("wards",
				this.units.wards()
					.stream()
					.sorted(java.util.Comparator.comparing(vn.chitieu.orgunit.Ward::closed))
					.map((w) -> new WardRow(w, this.units.schoolsOf(w).size()))
					.toList());
		return "orgunit/wards";
	}

	/**
	 * A ward and how many schools stand in it.
	 *
	 * @param ward the ward
	 * @param schools the number of schools
	 */
	record WardRow(vn.chitieu.orgunit.Ward ward, long schools) {
	}

}

package vn.chitieu.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.security.Users;

/**
 * The administrator's list of users.
 */
@Controller
class UserListController {

	private final Users users;

	private final OrgUnits units;

	UserListController(Users users, OrgUnits units) {
		this.users = users;
		this.units = units;
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		model.addAttribute("users", this.users.all());
		model.addAttribute("unitNames", this.units.names());
		return "security/users";
	}

}

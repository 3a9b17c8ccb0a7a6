package vn.chitieu.setup.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.chitieu.setup.Setup;
import vn.chitieu.setup.SetupStep;

/**
 * The guide through setting up an installation (thiết lập ban đầu), for the administrator
 * and the Office: every step in order, done or not, with its counts and the page where it
 * is done.
 */
@Controller
class SetupController {

	private final Setup setup;

	SetupController(Setup setup) {
		this.setup = setup;
	}

	@GetMapping("/admin/setup")
	String guide(Model model) {
		model.addAttribute("guide", this.setup.status());
		model.addAttribute("steps", SetupStep.values());
		return "setup/guide";
	}

}

package vn.chitieu.report.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.PlanSummary;
import vn.chitieu.platform.Meters;
import vn.chitieu.progress.Progress;
import vn.chitieu.report.OfficialReport;
import vn.chitieu.report.RawFigures;
import vn.chitieu.report.SchoolReport;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.UnitAccess;

/**
 * The Excel downloads: the official report of a plan and the raw figures of a year (the
 * Office and leaders), a school's own sheet (that school, the Office and leaders).
 */
@Controller
class ReportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final OfficialReport report;

	private final RawFigures raw;

	private final SchoolReport schoolReport;

	private final Progress progress;

	private final OrgUnits units;

	private final UnitAccess access;

	ReportController(OfficialReport report, RawFigures raw, SchoolReport schoolReport, Progress progress,
			OrgUnits units, UnitAccess access) {
		this.report = report;
		this.raw = raw;
		this.schoolReport = schoolReport;
		this.progress = progress;
		this.units = units;
		this.access = access;
	}

	@GetMapping("/reports/progress.xlsx")
	void official(@RequestParam String plan, @RequestParam(required = false) String year,
			@RequestParam(defaultValue = "false") boolean submitted, HttpServletResponse response) throws IOException {
		var summary = plan(plan);
		var asOf = year(year, summary);
		start(response, "bao-cao-chi-tieu-" + summary.code() + "-" + asOf.label() + ".xlsx");
		timed("official", () -> this.report.write(summary.code(), asOf, submitted, response.getOutputStream()));
	}

	@GetMapping("/reports/figures.xlsx")
	void figures(@RequestParam String year, HttpServletResponse response) throws IOException {
		var schoolYear = parse(year);
		start(response, "so-lieu-" + schoolYear.label() + ".xlsx");
		timed("figures", () -> this.raw.write(schoolYear, response.getOutputStream()));
	}

	@GetMapping("/schools/{id}/progress.xlsx")
	void school(@PathVariable long id, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String year, @RequestParam(defaultValue = "false") boolean submitted,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		// Check access before looking the school up, so that other ids reveal nothing.
		this.access.checkRead(user, id);
		var school = this.units.school(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var summary = (plan != null) ? plan(plan)
				: this.progress.plans().stream().findFirst().orElseThrow(() -> notFound());
		var asOf = year(year, summary);
		start(response, "tien-do-" + school.code().toLowerCase() + "-" + asOf.label() + ".xlsx");
		timed("school",
				() -> this.schoolReport.write(summary.code(), school, asOf, submitted, response.getOutputStream()));
	}

	/** Builds and sends an export, recording its time ({@code chitieu.export}). */
	private static void timed(String kind, Export export) throws IOException {
		long start = System.nanoTime();
		String outcome = "error";
		try {
			export.write();
			outcome = "success";
		}
		finally {
			Meters.export(kind, outcome, Duration.ofNanos(System.nanoTime() - start));
		}
	}

	@FunctionalInterface
	private interface Export {

		void write() throws IOException;

	}

	private PlanSummary plan(String code) {
		return this.progress.summary(code).orElseThrow(() -> notFound());
	}

	private SchoolYear year(String text, PlanSummary plan) {
		return (text == null || text.isBlank()) ? this.progress.defaultYear(plan) : parse(text);
	}

	private static SchoolYear parse(String text) {
		try {
			return SchoolYear.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a school year: " + text);
		}
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	private static void start(HttpServletResponse response, String filename) {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}

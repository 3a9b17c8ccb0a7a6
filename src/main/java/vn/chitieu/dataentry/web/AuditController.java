package vn.chitieu.dataentry.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chitieu.audit.AuditEntry;
import vn.chitieu.audit.AuditFilter;
import vn.chitieu.audit.AuditLog;
import vn.chitieu.dataentry.FigureForms;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.platform.Formats;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.Users;
import vn.chitieu.security.Role;

/**
 * Browsing the audit trail. The Office and the administrator see everything; a school or
 * ward user sees only the history of its own unit, whatever filter it sends.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private static final java.util.regex.Pattern FIGURES_CHANGED = java.util.regex.Pattern
		.compile("(\\d+) figures changed");

	private static final java.util.regex.Pattern REMINDERS = java.util.regex.Pattern
		.compile("sent (\\d+), failed (\\d+)");

	private final AuditLog audit;

	private final OrgUnits units;

	private final SchoolYears years;

	private final MetricCatalog catalog;

	private final MessageSource messages;

	private final Users users;

	AuditController(AuditLog audit, OrgUnits units, SchoolYears years, MetricCatalog catalog, MessageSource messages,
			Users users) {
		this.users = users;
		this.messages = messages;
		this.audit = audit;
		this.units = units;
		this.years = years;
		this.catalog = catalog;
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model,
			Locale locale) {
		boolean everything = user.role() == Role.OFFICE || user.role() == Role.ADMIN;
		if (!everything && !user.role().isUnitBound()) {
			throw new AccessDeniedException("No access to the audit trail");
		}
		// A school or ward user sees its own unit's history only.
		Long unitFilter = everything ? unit : user.unitId();
		var filter = new AuditFilter(unitFilter, year,
				(actor == null || actor.isBlank()) ? null : actor.replaceAll("\\p{Cntrl}", "").strip(), null,
				(from != null) ? from.atStartOfDay(Formats.ZONE).toInstant() : null,
				(to != null) ? to.plusDays(1).atStartOfDay(Formats.ZONE).toInstant() : null);
		long total = this.audit.count(filter);
		long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		// A page beyond the end (or before the start) shows the nearest one.
		int current = (int) Math.min(Math.max(0, page), pages - 1);
		var names = this.units.names();
		var people = new java.util.HashMap<String, String>();
		this.users.all().forEach((u) -> people.put(u.username(), u.displayName()));
		model.addAttribute("entries",
				this.audit.search(filter, current * PAGE_SIZE, PAGE_SIZE)
					.stream()
					.map((e) -> new EntryView(e, (e.unitId() != null) ? names.get(e.unitId()) : null, field(e, locale),
							people.getOrDefault(e.actor(), actorName(e.actor(), locale)),
							value(e, e.oldValue(), locale), value(e, e.newValue(), locale), detail(e, locale)))
					.toList());
		model.addAttribute("total", total);
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("everything", everything);
		model.addAttribute("unit", unitFilter);
		model.addAttribute("year", year);
		model.addAttribute("actor", actor);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("years", this.years.all());
		if (everything) {
			model.addAttribute("units", this.units.schools());
			model.addAttribute("wards", this.units.wards());
			model.addAttribute("actors", this.audit.actors());
		}
		return "dataentry/audit";
	}

	/** Who made a change, when not a user of the application (the system itself). */
	private String actorName(String actor, Locale locale) {
		return this.messages.getMessage("audit.actorName." + actor, null, actor, locale);
	}

	/**
	 * A value as the page shows it: a status or yes/no in words, a figure's number in the
	 * page's language ("14.773,5"), anything else as recorded.
	 */
	private String value(AuditEntry entry, String value, Locale locale) {
		if (value == null || entry.field() == null) {
			return value;
		}
		if (entry.field().equals("status")) {
			return this.messages.getMessage("submission.status." + value, null, value, locale);
		}
		if (value.equals("true") || value.equals("false")) {
			return this.messages.getMessage("audit.value." + value, null, value, locale);
		}
		if (FigureForms.FIGURE_CHANGED.equals(entry.action())) {
			var slash = entry.field().indexOf('/');
			var code = (slash < 0) ? entry.field() : entry.field().substring(slash + 1);
			var metric = this.catalog.find(code);
			try {
				var number = new java.math.BigDecimal(value);
				if (metric.isPresent() && metric.get().type() == vn.chitieu.planning.ValueType.YES_NO) {
					return this.messages.getMessage("audit.value." + (number.signum() != 0), null, locale);
				}
				return Formats.number(number, 4, locale);
			}
			catch (NumberFormatException ex) {
				return value;
			}
		}
		return value;
	}

	/** The detail of an entry, in words where it was recorded in a fixed form. */
	private String detail(AuditEntry entry, Locale locale) {
		var detail = entry.detail();
		if (detail == null) {
			return null;
		}
		var figures = FIGURES_CHANGED.matcher(detail);
		if (figures.matches()) {
			return this.messages.getMessage("audit.detail.figuresChanged",
					new Object[] { Long.parseLong(figures.group(1)) }, locale);
		}
		var reminders = REMINDERS.matcher(detail);
		if (reminders.matches()) {
			return this.messages.getMessage("audit.detail.reminders",
					new Object[] { Long.parseLong(reminders.group(1)), Long.parseLong(reminders.group(2)) }, locale);
		}
		return detail;
	}

	/**
	 * A field as its name: a figure's "Tiểu học — Tổng số học sinh", another field's name
	 * in words ("Tình trạng báo cáo").
	 */
	private String field(AuditEntry entry, Locale locale) {
		if (entry.field() == null) {
			return null;
		}
		if (!FigureForms.FIGURE_CHANGED.equals(entry.action())) {
			var slash = entry.field().indexOf('/');
			var base = (slash < 0) ? entry.field() : entry.field().substring(0, slash);
			var name = this.messages.getMessage("audit.field." + base, null, null, locale);
			if (name == null) {
				return entry.field();
			}
			var level = (slash < 0) ? null
					: this.messages.getMessage("level.name." + entry.field().substring(slash + 1), null, null, locale);
			return (level != null) ? name + " — " + level : name;
		}
		var slash = entry.field().indexOf('/');
		var code = (slash < 0) ? entry.field() : entry.field().substring(slash + 1);
		var name = this.catalog.find(code).map((m) -> m.name(locale)).orElse(code);
		return (slash < 0) ? name
				: this.messages.getMessage("level.name." + entry.field().substring(0, slash), null, locale) + " — "
						+ name;
	}

	/**
	 * An audit entry as the page shows it.
	 *
	 * @param entry the entry
	 * @param unitName the name of its unit, if any
	 * @param fieldName its field in words
	 * @param actorName the name of who made it (the login shown on hover)
	 * @param oldText the value before, in words
	 * @param newText the value after, in words
	 * @param detailText the detail, in words
	 */
	record EntryView(AuditEntry entry, String unitName, String fieldName, String actorName, String oldText,
			String newText, String detailText) {
	}

}

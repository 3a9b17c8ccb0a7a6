package vn.chitieu.testsupport;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.chitieu.dataentry.FigureForm;
import vn.chitieu.dataentry.FigureForms;
import vn.chitieu.dataentry.FigureKey;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.security.CurrentUser;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Helps tests fill the yearly forms of the sample district's units. Each test class works
 * on units of its own, reset before use, so that tests never depend on each other.
 */
public final class FormSupport {

	/** The sample district's open school year. */
	public static final SchoolYear YEAR = SchoolYear.of(2024);

	private final OrgUnits units;

	private final FigureForms forms;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	public FormSupport(OrgUnits units, FigureForms forms, UserDetailsService users, JdbcTemplate jdbc) {
		this.units = units;
		this.forms = forms;
		this.users = users;
		this.jdbc = jdbc;
	}

	public long id(String unitCode) {
		return this.units.unitByCode(unitCode).orElseThrow().id();
	}

	/**
	 * Removes a unit's report for the open year, as if it had not started it.
	 * @param unitCode the unit
	 */
	public void reset(String unitCode) {
		this.jdbc.update("delete from submission where unit_id = ? and school_year = ?", id(unitCode),
				YEAR.startYear());
	}

	/**
	 * The unit's form, as the Office sees it.
	 * @param unitCode the unit
	 * @return the form
	 */
	public FigureForm form(String unitCode) {
		return this.forms.open(user(Logins.OFFICE), id(unitCode), YEAR);
	}

	public CurrentUser user(String username) {
		return (CurrentUser) this.users.loadUserByUsername(username);
	}

	/**
	 * Last year's figures for every field of this year's form: a complete report that
	 * keeps every rule.
	 * @param unitCode the unit
	 * @return the figures, by field
	 */
	public Map<FigureKey, String> complete(String unitCode) {
		var form = form(unitCode);
		var values = new LinkedHashMap<FigureKey, String>();
		form.sections().forEach((s) -> s.metrics().forEach((m) -> {
			BigDecimal last = form.lastYear().get(s.key(m));
			values.put(s.key(m), (last != null) ? last.toPlainString() : "");
		}));
		return values;
	}

	/**
	 * A POST of a form.
	 * @param path the form's path
	 * @param values the text of each field
	 * @param version the version the form was opened on
	 * @param action save or submit
	 * @return the request
	 */
	public static MockHttpServletRequestBuilder post(String path, Map<FigureKey, String> values, int version,
			String action) {
		return post(path, values, version, action, System.currentTimeMillis());
	}

	/**
	 * A POST of a form opened at a given moment.
	 * @param path the form's path
	 * @param values the text of each field
	 * @param version the version the form was opened on
	 * @param action save or submit
	 * @param openedAt when the form was opened (epoch milliseconds)
	 * @return the request
	 */
	public static MockHttpServletRequestBuilder post(String path, Map<FigureKey, String> values, int version,
			String action, long openedAt) {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.param("version", String.valueOf(version))
			.param("openedAt", String.valueOf(openedAt))
			.param("action", action)
			.with(csrf());
		values.forEach((key, value) -> request.param(key.fieldName(), value));
		return request;
	}

	public String schoolPath(String unitCode) {
		return "/schools/" + id(unitCode) + "/figures/" + YEAR.label();
	}

	public String wardPath(String unitCode) {
		return "/wards/" + id(unitCode) + "/figures/" + YEAR.label();
	}

}

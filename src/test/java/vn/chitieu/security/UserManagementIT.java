package vn.chitieu.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.testsupport.FormClient;
import vn.chitieu.testsupport.Logins;
import vn.chitieu.testsupport.StoredSessions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's user pages over real HTTP: only the administrator reaches them; a
 * school's new user logs in with the one-time password and must change it; bad input is
 * refused field by field; an edit, a stale edit; disabling a user ends their session at
 * once and refuses their login, enabling lets them in again; every change audited; the
 * list's filters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserManagementIT {

	private static final Pattern ONE_TIME = Pattern.compile("id=\"password-reset\"[^>]*>[^<]*?: ([A-Za-z0-9]{16}) —");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServletWebServerApplicationContext context;

	FormClient admin;

	long school;

	@BeforeEach
	void setUp() throws Exception {
		this.admin = new FormClient(this.port);
		assertThat(location(this.admin.logIn(Logins.ADMIN, Logins.PASSWORD))).doesNotContain("/login");
		this.school = this.jdbc.queryForObject("select id from org_unit where code = 'THCS-AIMO'", Long.class);
	}

	@Test
	void shouldLetOnlyTheAdministratorReachTheUserPages() throws Exception {
		for (var name : List.of(Logins.OFFICE, Logins.VIEWER, "thcs-aimo", "p-bode")) {
			var browser = new FormClient(this.port);
			browser.logIn(name, Logins.PASSWORD);
			var token = FormClient.csrf(browser.get("/account/password").body());
			for (var path : List.of("/admin/users", "/admin/users/new", "/admin/users/1")) {
				assertThat(browser.get(path).statusCode()).as("%s GET %s", name, path).isEqualTo(403);
			}
			for (var path : List.of("/admin/users/new", "/admin/users/1", "/admin/users/1/disable",
					"/admin/users/1/enable")) {
				assertThat(
						browser
							.post(path,
									"username=x-" + name + "&displayName=X&role=ADMIN&_csrf="
											+ FormClient.encode(token))
							.statusCode())
					.as("%s POST %s", name, path)
					.isEqualTo(403);
			}
		}
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where username like 'x-%'", Long.class))
			.isZero();
		assertThat(this.admin.get("/admin/users").statusCode()).isEqualTo(200);
		assertThat(this.admin.get("/admin/users/new").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldCreateSeveralUsersForASchoolWhoMustChangeTheOneTimePasswordAtFirstLogin() throws Exception {
		var name = unique("gv-aimo");
		var created = create(name, "Nguyễn Thị Hoa", "SCHOOL", String.valueOf(this.school), "hoa@example.vn");
		assertThat(location(created)).endsWith("/admin/users");
		var list = this.admin.get("/admin/users").body();
		var matcher = ONE_TIME.matcher(list);
		assertThat(matcher.find()).as("the one-time password, shown once").isTrue();
		var password = matcher.group(1);
		assertThat(this.admin.get("/admin/users").body()).as("shown only once").doesNotContain(password);
		// A second named user of the same school.
		var colleague = unique("gv-aimo");
		assertThat(location(create(colleague, "Trần Văn Nam", "SCHOOL", String.valueOf(this.school), "0912 345 678")))
			.endsWith("/admin/users");

		var row = this.jdbc.queryForMap(
				"select display_name, role, unit_id, contact, created_by, must_change_password, last_login_at from app_user where username = ?",
				name);
		assertThat(row).containsEntry("display_name", "Nguyễn Thị Hoa")
			.containsEntry("role", "SCHOOL")
			.containsEntry("unit_id", this.school)
			.containsEntry("contact", "hoa@example.vn")
			.containsEntry("created_by", Logins.ADMIN)
			.containsEntry("must_change_password", true);
		assertThat(row.get("last_login_at")).isNull();
		assertThat(this.jdbc.queryForList(
				"select field from audit_event where action = 'USER_CREATED' and entity_id = ? and actor = ? and unit_id = ?",
				String.class, name, Logins.ADMIN, this.school))
			.contains("role", "displayName");

		// The new user logs in with the one-time password and must choose a new one
		// first.
		var teacher = new FormClient(this.port);
		assertThat(location(teacher.logIn(name, password))).doesNotContain("/login");
		assertThat(location(teacher.get("/schools/" + this.school))).endsWith("/account/password");
		assertThat(
				this.jdbc.queryForObject("select last_login_at from app_user where username = ?", Object.class, name))
			.as("the last login, recorded")
			.isNotNull();
		var form = teacher.get("/account/password").body();
		var changed = teacher.post("/account/password",
				"currentPassword=" + FormClient.encode(password)
						+ "&newPassword=hoa-moi-2026&confirmation=hoa-moi-2026&_csrf="
						+ FormClient.encode(FormClient.csrf(form)));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(teacher.get("/schools/" + this.school).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseBadInputWithAMessageBesideEachFieldAndCreateNothing() throws Exception {
		long before = users();
		var page = create("A b", "", "SCHOOL", "", "not a contact");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Tên đăng nhập gồm 3 đến 60 ký tự")
			.contains("Vui lòng nhập thông tin này.")
			.contains("Người dùng của trường phải gắn với một trường")
			.contains("Hãy nhập một địa chỉ thư điện tử")
			.contains("id=\"username-error\"")
			.contains("id=\"displayName-error\"")
			.contains("id=\"unitId-error\"")
			.contains("id=\"contact-error\"");
		// A unit for a role bound to none; a name already taken; a ward for a school
		// user.
		var ward = this.jdbc.queryForObject("select id from org_unit where code = 'P-BODE'", Long.class);
		assertThat(create(unique("vp"), "Văn phòng", "OFFICE", String.valueOf(this.school), "").body())
			.contains("Vai trò này không gắn với trường hay phường nào");
		assertThat(create(Logins.OFFICE, "Trùng tên", "VIEWER", "", "").body())
			.contains("Tên đăng nhập " + Logins.OFFICE + " đã có người dùng.");
		assertThat(create(unique("gv"), "Sai đơn vị", "SCHOOL", String.valueOf(ward), "").body())
			.contains("Người dùng của trường phải gắn với một trường");
		assertThat(create(unique("gv"), "x".repeat(201), "VIEWER", "", "").body())
			.contains("Không được dài quá 200 ký tự.");
		// In English too.
		this.admin.get("/admin/users?lang=en");
		assertThat(create("A b", "", "WARD", "", "").body()).contains("A user name has 3 to 60 characters")
			.contains("A ward user must be bound to a ward");
		this.admin.get("/admin/users?lang=vi");
		assertThat(users()).isEqualTo(before);
	}

	@Test
	void shouldEditAUserAuditEveryFieldAndRefuseAStaleEdit() throws Exception {
		var name = unique("lanhdao");
		create(name, "Lê Văn A", "VIEWER", "", "");
		this.admin.get("/admin/users");
		long id = id(name);
		var form = this.admin.get("/admin/users/" + id);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("value=\"L&ecirc; Văn A\"").doesNotContain("name=\"username\"");
		int version = version(id);

		var saved = edit(id, "Lê Văn Bình", "SCHOOL", String.valueOf(this.school), "binh@example.vn", version);
		assertThat(location(saved)).endsWith("/admin/users");
		assertThat(this.admin.get("/admin/users").body()).contains("Đã lưu thay đổi của người dùng " + name);
		var row = this.jdbc
			.queryForMap("select username, display_name, role, unit_id, contact from app_user where id = ?", id);
		assertThat(row).containsEntry("username", name)
			.containsEntry("display_name", "Lê Văn Bình")
			.containsEntry("role", "SCHOOL")
			.containsEntry("unit_id", this.school)
			.containsEntry("contact", "binh@example.vn");
		assertThat(this.jdbc.queryForList(
				"select field || ':' || coalesce(old_value, '') || '>' || coalesce(new_value, '') from audit_event where action = 'USER_CHANGED' and entity_id = ? and actor = ?",
				String.class, name, Logins.ADMIN))
			.containsExactlyInAnyOrder("displayName:Lê Văn A>Lê Văn Bình", "role:VIEWER>SCHOOL", "unit:>" + this.school,
					"contact:>binh@example.vn");

		// A form opened before that save is refused, and saves nothing.
		var stale = edit(id, "Người khác", "VIEWER", "", "", version);
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("vừa được người khác sửa").contains("value=\"L&ecirc; Văn B&igrave;nh\"");
		assertThat(this.jdbc.queryForObject("select display_name from app_user where id = ?", String.class, id))
			.isEqualTo("Lê Văn Bình");
		// Bad input on an edit: refused beside the field.
		assertThat(edit(id, "Lê Văn Bình", "WARD", "", "", version(id)).body())
			.contains("Người dùng của phường phải gắn với một phường");
		assertThat(this.admin.get("/admin/users/999999").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldEndTheSessionOfADisabledUserAtOnceRefuseTheirLoginAndLetThemInWhenEnabled() throws Exception {
		var name = unique("gv-off");
		create(name, "Phạm Thu", "SCHOOL", String.valueOf(this.school), "");
		var password = oneTimePassword();
		long id = id(name);
		var teacher = new FormClient(this.port);
		teacher.logIn(name, password);
		assertThat(teacher.get("/account/password").statusCode()).isEqualTo(200);
		var session = teacher.session();

		var disabled = this.admin.post("/admin/users/" + id + "/disable", csrf());
		assertThat(location(disabled)).endsWith("/admin/users");
		assertThat(new StoredSessions(this.context).find(session)).as("the user's session, ended at once").isNull();
		assertThat(location(teacher.get("/account/password"))).contains("/login");
		assertThat(location(new FormClient(this.port).logIn(name, password))).endsWith("/login?error");
		assertThat(this.admin.get("/admin/users").body()).contains("Đã khóa người dùng " + name);

		// An administrator cannot disable themself.
		long adminId = id(Logins.ADMIN);
		this.admin.post("/admin/users/" + adminId + "/disable", csrf());
		assertThat(this.admin.get("/admin/users").body()).contains("Bạn không thể tự khóa tài khoản của chính mình.");
		assertThat(this.jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, adminId))
			.isTrue();

		assertThat(location(this.admin.post("/admin/users/" + id + "/enable", csrf()))).endsWith("/admin/users");
		assertThat(location(new FormClient(this.port).logIn(name, password))).doesNotContain("/login");
		assertThat(this.jdbc.queryForList(
				"select action || ':' || old_value || '>' || new_value from audit_event where entity_id = ? and action in ('USER_DISABLED', 'USER_ENABLED') order by id",
				String.class, name))
			.containsExactly("USER_DISABLED:true>false", "USER_ENABLED:false>true");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where entity_id = ? and action = 'USER_DISABLED'", Long.class,
				Logins.ADMIN))
			.isZero();
	}

	@Test
	void shouldFilterTheUsersByRoleUnitStateAndNeverLoggedIn() throws Exception {
		var never = unique("gv-never");
		create(never, "Chưa Đăng Nhập", "SCHOOL", String.valueOf(this.school), "");
		var list = this.admin.get("/admin/users?neverLoggedIn=true").body();
		assertThat(list).contains("id=\"user-" + never + "\"").doesNotContain("id=\"user-" + Logins.ADMIN + "\"");
		assertThat(this.admin.get("/admin/users?role=SCHOOL&unit=" + this.school).body())
			.contains("id=\"user-" + never + "\"")
			.contains("id=\"user-thcs-aimo\"")
			.doesNotContain("id=\"user-thcs-giathuy\"")
			.doesNotContain("id=\"user-" + Logins.OFFICE + "\"");
		assertThat(this.admin.get("/admin/users?role=OFFICE").body()).contains("id=\"user-" + Logins.OFFICE + "\"")
			.doesNotContain("id=\"user-" + never + "\"");
		this.admin.post("/admin/users/" + id(never) + "/disable", csrf());
		assertThat(this.admin.get("/admin/users?state=disabled").body()).contains("id=\"user-" + never + "\"")
			.doesNotContain("id=\"user-" + Logins.ADMIN + "\"");
		assertThat(this.admin.get("/admin/users?state=active").body()).doesNotContain("id=\"user-" + never + "\"")
			.contains("id=\"user-" + Logins.ADMIN + "\"");
	}

	private HttpResponse<String> create(String username, String displayName, String role, String unit, String contact)
			throws Exception {
		var token = FormClient.csrf(this.admin.get("/admin/users/new").body());
		return this.admin.post("/admin/users/new",
				"username=" + FormClient.encode(username) + "&displayName=" + FormClient.encode(displayName) + "&role="
						+ role + "&unitId=" + unit + "&contact=" + FormClient.encode(contact) + "&_csrf="
						+ FormClient.encode(token));
	}

	private HttpResponse<String> edit(long id, String displayName, String role, String unit, String contact,
			int version) throws Exception {
		return this.admin.post("/admin/users/" + id, "displayName=" + FormClient.encode(displayName) + "&role=" + role
				+ "&unitId=" + unit + "&contact=" + FormClient.encode(contact) + "&version=" + version + "&" + csrf());
	}

	private String oneTimePassword() throws Exception {
		var matcher = ONE_TIME.matcher(this.admin.get("/admin/users").body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private String csrf() throws Exception {
		return "_csrf=" + FormClient.encode(FormClient.csrf(this.admin.get("/admin/users/new").body()));
	}

	private long users() {
		return this.jdbc.queryForObject("select count(*) from app_user", Long.class);
	}

	private long id(String username) {
		return this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
	}

	private int version(long id) {
		return this.jdbc.queryForObject("select version from app_user where id = ?", Integer.class, id);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

}

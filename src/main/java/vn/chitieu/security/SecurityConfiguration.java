package vn.chitieu.security;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Who may reach which pages. Pages about one unit (a school, a ward) are open to any
 * logged-in user here and checked against the user's unit by their controllers
 * ({@link UnitAccess}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String SESSION_COOKIE = "JSESSIONID";

	static final String LOCKED_PAGE = "/login?locked";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * The counts of failed logins, in the database: shared by every instance, kept across
	 * restarts.
	 */
	/**
	 * PostgreSQL's own statements for the sessions' tables: above all, an attribute is
	 * written with {@code insert … on conflict do update}, so that two requests of one
	 * session that store the same new attribute at once (the CSRF token of a session just
	 * logged in, several tabs opened together) both succeed instead of one failing with a
	 * duplicate key (ConcurrentSessionIT).
	 */
	@Bean
	org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessions() {
		return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	LoginAttempts loginAttempts(JdbcTemplate jdbc, PlatformTransactionManager transactions,
			LoginProperties properties) {
		return new JdbcLoginAttempts(jdbc, transactions, properties, Clock.systemUTC());
	}

	/**
	 * The one way a password is checked at login, for the form and HTTP Basic alike:
	 * throttled before the check ({@link ThrottledAuthenticationProvider}).
	 */
	@Bean
	ThrottledAuthenticationProvider authenticationProvider(UserDetailsService userDetails,
			PasswordEncoder passwordEncoder, LoginAttempts attempts, Users users) {
		var passwords = new DaoAuthenticationProvider(userDetails);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ThrottledAuthenticationProvider(passwords, attempts, users);
	}

	/**
	 * The read-only JSON API: a token issued by the administrator
	 * ({@code Authorization: Bearer}, {@link ApiTokens}) or HTTP Basic on every call, no
	 * session, GET only, for the Office and leaders (docs/api.md). A throttled login
	 * answers 429 with {@code Retry-After}.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ThrottledAuthenticationProvider provider, ApiTokens tokens)
			throws Exception {
		// A database that cannot be reached answers 503, not 401
		// (ApiAuthenticationEntryPoint).
		var basic = new ApiAuthenticationEntryPoint("Chi tieu API");
		http.securityMatcher("/api/**")
			.authenticationManager(new ProviderManager(provider))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAnyRole(Role.OFFICE.name(), Role.VIEWER.name())
				.anyRequest()
				.denyAll())
			.httpBasic((httpBasic) -> httpBasic.authenticationEntryPoint((request, response, ex) -> {
				if (ex instanceof LoginThrottledException throttled) {
					response.setStatus(429);
					response.setHeader(HttpHeaders.RETRY_AFTER,
							String.valueOf(Math.max(1, throttled.waitFor().toSeconds())));
					response.setContentType("application/json");
					response.getWriter()
						.write("{\"status\":429,\"error\":\"Too many failed logins; try again later\"}");
					return;
				}
				basic.commence(request, response, ex);
			}))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// No session and no cookie: nothing for a forged cross-site request to ride
			// on.
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'"))
				.frameOptions((frame) -> frame.deny()))
			.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeFilter(true), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, ThrottledAuthenticationProvider provider, Users users,
			UserSessions sessions) throws Exception {
		// A database that cannot be reached is not a wrong password
		// (LoginFailureHandler).
		var failures = new LoginFailureHandler();
		failures.setAllowSessionCreation(false);
		failures.setExceptionMappings(Map.of(LoginThrottledException.class.getName(), LOCKED_PAGE));
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/progress/help")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/progress", "/progress/*/wards")
			.hasAnyRole(Role.OFFICE.name(), Role.VIEWER.name(), Role.WARD.name())
			.requestMatchers("/progress/**", "/reports/**")
			.hasAnyRole(Role.OFFICE.name(), Role.VIEWER.name())
			.requestMatchers("/admin/organisation", "/admin/setup")
			.hasAnyRole(Role.OFFICE.name(), Role.ADMIN.name())
			// School years are the Office's business, not the administrator's.
			.requestMatchers("/admin/school-years", "/admin/school-years/**")
			.hasRole(Role.OFFICE.name())
			// Wards and schools: the Office knows them, the administrator sets up an
			// installation.
			.requestMatchers("/admin/units/**")
			.hasAnyRole(Role.OFFICE.name(), Role.ADMIN.name())
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/plans/import", "/plans/import/**")
			.hasRole(Role.OFFICE.name())
			// Drafts and the editor: the Office only (a draft is used by nothing else).
			.requestMatchers("/plans/new", "/plans/*/draft", "/plans/*/draft/**")
			.hasRole(Role.OFFICE.name())
			.requestMatchers("/plans", "/plans/**")
			.hasAnyRole(Role.OFFICE.name(), Role.VIEWER.name())
			.requestMatchers(HttpMethod.GET, "/schools", "/wards")
			.hasAnyRole(Role.OFFICE.name(), Role.VIEWER.name(), Role.ADMIN.name())
			.requestMatchers(HttpMethod.POST, "/completeness/reminders")
			.hasRole(Role.OFFICE.name())
			.requestMatchers(HttpMethod.GET, "/completeness", "/completeness/**", "/district/**")
			.hasAnyRole(Role.OFFICE.name(), Role.VIEWER.name())
			.requestMatchers("/review", "/submissions/**", "/district/**")
			.hasRole(Role.OFFICE.name())
			.anyRequest()
			.authenticated())
			.authenticationManager(new ProviderManager(provider))
			.formLogin((form) -> form.loginPage("/login").failureHandler(failures).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies(SESSION_COOKIE).permitAll())
			// No session before login: the login form's CSRF token is kept in a cookie,
			// and
			// the page asked for before login in another.
			.csrf((csrf) -> csrf.csrfTokenRepository(new LoginCsrfTokenRepository()))
			.requestCache((cache) -> cache.requestCache(new CookieRequestCache()))
			// A new session id at login (no session fixation); after 30 minutes without a
			// request (server.servlet.session.timeout), or when its user's password
			// changes,
			// the session ends and the next page says so on the login page, without
			// creating
			// a new session.
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId())
				.invalidSessionStrategy(new SessionCookies(sessions)))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frame) -> frame.deny()))
			.addFilterBefore(new SessionCheckFilter(users), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeFilter(false), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * Sessions live in the database (Spring Session JDBC, docs/operations.md); their
	 * cookie keeps its usual name however the application is deployed.
	 */
	@Bean
	DefaultCookieSerializerCustomizer sessionCookieName() {
		return (serializer) -> serializer.setCookieName(SESSION_COOKIE);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}

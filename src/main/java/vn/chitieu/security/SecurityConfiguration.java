package vn.chitieu.security;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach which pages. Pages about one unit (a school, a ward) are open to any
 * logged-in user here and checked against the user's unit by their controllers
 * ({@link UnitAccess}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String SESSION_COOKIE = "JSESSIONID";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * The read-only JSON API: HTTP Basic on every call, no session, GET only, for the
	 * Office and leaders (docs/api.md).
	 */
	@Bean
	LoginThrottle loginThrottle(LoginProperties properties) {
		return new LoginThrottle(properties, Clock.systemUTC());
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAnyRole(Role.OFFICE.name(), Role.VIEWER.name())
				.anyRequest()
				.denyAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(new ApiAuthenticationEntryPoint("Chi tieu API")))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// No session and no cookie: nothing for a forged cross-site request to ride
			// on.
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'"))
				.frameOptions((frame) -> frame.deny()))
			.addFilterBefore(new LoginThrottleFilter(throttle, true), BasicAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeFilter(true), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/progress/help")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/progress", "/progress/*/wards")
			.hasAnyRole(Role.OFFICE.name(), Role.VIEWER.name(), Role.WARD.name())
			.requestMatchers("/progress/**", "/reports/**")
			.hasAnyRole(Role.OFFICE.name(), Role.VIEWER.name())
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/plans/import", "/plans/import/**")
			.hasRole(Role.OFFICE.name())
			.requestMatchers("/plans", "/plans/**")
			.hasAnyRole(Role.OFFICE.name(), Role.VIEWER.name())
			.requestMatchers(HttpMethod.GET, "/schools", "/wards", "/completeness", "/district/**")
			.hasAnyRole(Role.OFFICE.name(), Role.VIEWER.name())
			.requestMatchers("/review", "/submissions/**", "/district/**")
			.hasRole(Role.OFFICE.name())
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").failureHandler(new LoginFailureHandler()).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies(SESSION_COOKIE).permitAll())
			// A new session id at login (no session fixation); after 30 minutes without a
			// request (server.servlet.session.timeout) the session ends and the next page
			// says so on the login page.
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId())
				.invalidSessionUrl("/login?expired"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frame) -> frame.deny()))
			.addFilterBefore(new LoginThrottleFilter(throttle, false), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeFilter(false), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}

package vn.chitieu.security;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The management port (health, info, Prometheus) needs no login: it is reached from the
 * machine itself only, being bound to the loopback interface by default
 * (docs/security.md, "Management endpoints"). This chain applies to requests on that port
 * only; on the application's port the actuator paths do not exist.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

	/**
	 * Requests served by the management server (its own Tomcat, its own child context).
	 */
	static final RequestMatcher ON_MANAGEMENT_PORT = (request) -> {
		var context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
		return context != null && WebServerApplicationContext.hasServerNamespace(context, "management");
	};

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain managementFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(ON_MANAGEMENT_PORT)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}

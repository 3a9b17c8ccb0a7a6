package vn.chitieu.platform;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What an operator needs (docs/operations.md, "Health, metrics and logs"): the health
 * checks of the readiness probe besides the database (migrations, disk of the embedded
 * database), the request log with its request id, and the error reference on error pages.
 * The actuator endpoints themselves are on the management port only (application.yaml).
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	/** Free space below which the embedded database's disk is reported DOWN. */
	static final DataSize DISK_THRESHOLD = DataSize.ofMegabytes(100);

	/**
	 * Outside every other filter, the database-unavailable filter included, so that its
	 * line shows the 503 and the id is known to the error page.
	 */
	@Bean
	FilterRegistrationBean<RequestLog.Filter> requestLogFilter() {
		var registration = new FilterRegistrationBean<>(new RequestLog.Filter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Just after Spring Security's filters, on the error dispatch too. */
	@Bean
	FilterRegistrationBean<RequestLog.UserFilter> requestLogUserFilter() {
		var registration = new FilterRegistrationBean<>(new RequestLog.UserFilter());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
		return registration;
	}

	/**
	 * Error pages get {@code reference}: the request id, also in the request's log line.
	 */
	@Bean
	ErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {
			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				var attributes = super.getErrorAttributes(request, options);
				var id = request.getAttribute(RequestLog.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
				if (id != null) {
					attributes.put("reference", id);
				}
				return attributes;
			}
		};
	}

	/**
	 * Readiness: every migration of this version applied, none failed. An instance whose
	 * database is behind (or ahead of) its code does not take requests.
	 */
	@Bean
	HealthIndicator migrationsHealthIndicator(ObjectProvider<Flyway> flyway) {
		return () -> {
			var available = flyway.getIfAvailable();
			if (available == null) {
				return Health.unknown().withDetail("reason", "no Flyway").build();
			}
			var info = available.info();
			var failed = Arrays.stream(info.all()).filter((m) -> m.getState().isFailed()).count();
			var pending = info.pending().length;
			var current = info.current();
			var builder = (failed == 0 && pending == 0) ? Health.up() : Health.down();
			return builder.withDetail("version", (current != null) ? current.getVersion().toString() : "none")
				.withDetail("pending", pending)
				.withDetail("failed", failed)
				.build();
		};
	}

	/**
	 * Readiness: room left on the disk of the embedded database's data directory; with an
	 * external database there is nothing of ours to watch.
	 */
	@Bean
	HealthIndicator dataDirectoryHealthIndicator(ObjectProvider<EmbeddedDatabase> embedded) {
		var database = embedded.getIfAvailable();
		if (database == null) {
			return () -> Health.up().withDetail("embedded", false).build();
		}
		return new DiskSpaceHealthIndicator(database.dataDirectory().toFile(), DISK_THRESHOLD);
	}

}

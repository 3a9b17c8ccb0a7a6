package vn.chitieu.planning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.chitieu.planning.MetricCatalog;

/**
 * Before every page or API call, the catalog of metrics and rules checks that no
 * application instance changed the definitions since it was read (one small query), so
 * that a plan published on another instance shows on the forms, and a figure of a new
 * metric is kept, on the next request.
 */
@Configuration(proxyBeanMethods = false)
class CatalogFreshness implements WebMvcConfigurer, HandlerInterceptor {

	private final MetricCatalog catalog;

	CatalogFreshness(MetricCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this)
			.addPathPatterns("/**")
			.excludePathPatterns("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		this.catalog.revalidate();
		return true;
	}

}

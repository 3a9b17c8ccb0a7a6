package vn.chitieu.platform;

import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Vietnamese by default, English on request ({@code ?lang=en}, remembered in a cookie).
 * Every visible string comes from {@code messages_vi.properties} /
 * {@code messages_en.properties}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** The language of the application unless the user picks another. */
	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@Bean
	MessageSource messageSource() {
		var messages = new ReloadableResourceBundleMessageSource();
		messages.setBasename("classpath:messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultLocale(VIETNAMESE);
		messages.setAlwaysUseMessageFormat(true);
		return messages;
	}

	/**
	 * Before every other filter, Spring Security's included: a database failure there (at
	 * login, say) is caught too.
	 */
	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(DataSource dataSource,
			MessageSource messageSource, LocaleResolver localeResolver) {
		var registration = new FilterRegistrationBean<>(
				new DatabaseUnavailableFilter(dataSource, messageSource, localeResolver));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Before everything but the request log (whose line then shows the 503): no request
	 * is served before the application is ready.
	 */
	@Bean
	FilterRegistrationBean<StartingUpFilter> startingUpFilter(ApplicationAvailability availability,
			MessageSource messageSource) {
		var registration = new FilterRegistrationBean<>(new StartingUpFilter(availability, messageSource));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("chitieu-lang");
		resolver.setDefaultLocale(VIETNAMESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * The static files, under their own paths only
	 * ({@code spring.web.resources.add-mappings} is off). With Spring Boot's catch-all
	 * {@code /**} mapping, every link a page builds ({@code /progress/…}) was looked up
	 * on the classpath as a possible static file: half the time of rendering the
	 * dashboard.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			// The resolved paths carry the library's version: safe to keep for a year.
			.setCacheControl(STATIC_FILES)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		// The application's own files: their links carry a hash of their content
		// (/css/app-<md5>.css, written by ResourceUrlEncodingFilter for every @{/css/…}
		// of
		// a template), so a browser keeps them for a year and fetches them again only
		// when they change. A link without the hash still answers.
		for (var folder : new String[] { "css", "js", "img" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(STATIC_FILES)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
	}

	/** How long browsers keep the static files: a year, never asking again. */
	static final CacheControl STATIC_FILES = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/**
	 * Rewrites the links to static files that pages build ({@code @{/css/app.css}}) into
	 * their versioned paths.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}

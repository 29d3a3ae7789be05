package com.echamado.ui.web;

import static com.echamado.platform.security.EndpointRule.any;
import static com.echamado.platform.security.EndpointRule.get;
import static com.echamado.platform.security.EndpointRule.post;

import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Brazilian Portuguese by default, English on request: pages by {@code ?lang=en}, remembered in a cookie; the API by
 * {@code Accept-Language}. Pages show times in the viewer's time zone ({@link ViewerTimeZone}).
 */
@Configuration(proxyBeanMethods = false)
class UiConfiguration implements WebMvcConfigurer {

    static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ECHAMADO_LANG");
        resolver.setDefaultLocale(PORTUGUESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultTimeZoneFunction(ViewerTimeZone::of);
        return new ApiOrCookieLocaleResolver(resolver, PORTUGUESE);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }

    /**
     * Static files under their own paths only ({@code spring.web.resources.add-mappings=false} turns off Boot's
     * catch-all {@code /**}): Thymeleaf passes every link of a page through {@code ResourceUrlEncodingFilter}, and with
     * the catch-all each one ({@code /tickets?...} included) was looked up on the class path, uncached when not found
     * — most of the pages' CPU at scale (docs/scale.md, "Pages"). Styles and scripts get their content hash in the
     * name and webjars their version in the path, so browsers may keep them for a year.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl year = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(year)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        for (String folder : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(year)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
    }

    /**
     * The shell's own addresses and the administration area (every page below {@code /admin/} is an administrator's,
     * whichever module serves it); each module's other pages declare their rules beside them.
     */
    @Bean
    EndpointRules uiEndpointRules() {
        return EndpointRules.of(
                "ui",
                any("/error", Access.PUBLIC),
                get("/css/**", Access.PUBLIC),
                get("/js/**", Access.PUBLIC),
                get("/webjars/**", Access.PUBLIC),
                get("/favicon.ico", Access.PUBLIC),
                get("/admin/**", Access.ADMIN),
                post("/admin/**", Access.ADMIN));
    }
}

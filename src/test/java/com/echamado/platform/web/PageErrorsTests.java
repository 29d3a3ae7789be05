package com.echamado.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.support.IntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Pages and the JSON API share each module's {@code web/} package, so each module limits its page-errors advice to
 * its page controllers by name; a page added without joining that list would answer a hidden ticket with JSON.
 */
class PageErrorsTests extends IntegrationTest {

    /**
     * The sign-in, registration, password and consent pages show their own errors in the form; the error controller
     * is the error page.
     */
    private static final Set<String> OWN_ERRORS = Set.of("AccountPages", "ConsentPage", "ProblemErrorController");

    @Autowired
    ApplicationContext context;

    @Test
    void everyPageOfEveryModuleAnswersErrorsWithTheErrorPage() {
        List<ControllerAdviceBean> pageErrors = ControllerAdviceBean.findAnnotatedBeans(context).stream()
                .filter(advice -> PageErrors.class.isAssignableFrom(advice.getBeanType()))
                .toList();
        Set<String> uncovered = new TreeSet<>();
        Set<String> pages = new TreeSet<>();
        for (HandlerMethod handler : context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .values()) {
            Class<?> type = handler.getBeanType();
            if (!type.getName().startsWith("com.echamado.")
                    || AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class)
                    || handler.hasMethodAnnotation(ResponseBody.class)
                    || OWN_ERRORS.contains(type.getSimpleName())) {
                continue;
            }
            pages.add(type.getSimpleName());
            if (pageErrors.stream().noneMatch(advice -> advice.isApplicableToBeanType(type))) {
                uncovered.add(type.getName());
            }
        }
        assertThat(pages).contains("TicketDetailPage", "CatalogAdminPages", "UserAdminPages", "DashboardPage");
        assertThat(uncovered).as("pages without a PageErrors advice").isEmpty();
    }
}

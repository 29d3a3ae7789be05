package com.echamado.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

class ServiceUnavailableTests {

    final ServiceUnavailable filter = new ServiceUnavailable(
            new StaticMessageSource(),
            new AcceptHeaderLocaleResolver(),
            new StaticListableBeanFactory().getBeanProvider(ResourceUrlProvider.class));

    @Test
    void anExhaustedOrUnreachablePoolAnswersTheApi503WithRetryAfterNot500() throws Exception {
        var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out");
        MockHttpServletResponse response =
                run(api(), new CannotCreateTransactionException("Could not open JPA EntityManager", pool));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503").doesNotContain("timed out", "Hikari");
    }

    @Test
    void aConnectionLostAtCommitIsAnOutageToo() throws Exception {
        var lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        MockHttpServletResponse response =
                run(api(), new ServletException(new TransactionSystemException("Could not commit", lost)));
        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void aRollbackOnAConnectionThePoolAlreadyClosedIsAnOutageToo() throws Exception {
        var closed = new SQLException("Connection is closed");
        var rollback =
                new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection", closed));
        assertThat(run(api(), new ServletException(rollback)).getStatus()).isEqualTo(503);
    }

    @Test
    void pagesGetAShortPageThatNeedsNeitherSessionNorDatabase() throws Exception {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/tickets");
        page.addHeader("Accept", "text/html");
        MockHttpServletResponse response = run(page, new CannotCreateTransactionException("no connection"));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("<h1>").doesNotContain("Exception");
    }

    @Test
    void redisKeepsItsLongerRetryAfter() throws Exception {
        MockHttpServletResponse response = run(api(), new RedisConnectionFailureException("Unable to connect"));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
    }

    @Test
    void otherFailuresAreNotDisguisedAsOutages() {
        var constraint = new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"));
        assertThatThrownBy(() -> run(api(), constraint)).isSameAs(constraint);
    }

    private static MockHttpServletRequest api() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/tickets");
        request.addHeader("Accept", "application/json");
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, Exception failure) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            if (failure instanceof ServletException servlet) {
                throw servlet;
            }
            throw (RuntimeException) failure;
        });
        return response;
    }
}

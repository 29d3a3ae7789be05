package com.echamado.dashboard.web;

import com.echamado.tickets.web.TicketPageErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** The start page shows tickets: its errors go to the error page as the ticket pages' do, never as JSON. */
@ControllerAdvice(assignableTypes = DashboardPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardPageErrors extends TicketPageErrors {}

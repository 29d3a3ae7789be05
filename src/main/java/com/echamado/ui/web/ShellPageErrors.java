package com.echamado.ui.web;

import com.echamado.tickets.web.TicketPageErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** The shell's own pages show tickets (the start page, a ticket's messages): their errors as the ticket pages'. */
@ControllerAdvice(basePackages = "com.echamado.ui.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShellPageErrors extends TicketPageErrors {}

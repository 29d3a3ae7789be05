/**
 * Notifications, driven by events only: e-mail to requesters, agents and assignees (Portuguese or English by the
 * recipient's language, unless they switched e-mail off), and signed webhooks that administrators register. Changes
 * nothing in other modules.
 *
 * <p>Allowed dependencies: {@code tickets :: events}, {@code comments :: events} and {@code sla :: events} (the event records, not the facades), the platform, and
 * two declared reads at send time, both by the ids the events carry: {@code identity} ({@code
 * UserManagement.contact}: the recipient's current address, language and e-mail switch, which an event must not
 * freeze, since a user may change them before a retried mail goes out) and {@code catalog} ({@code
 * Catalog.agentsOf}: the department's agents when the mail is sent, and {@code Priority} for the mail's wording).
 * Neither module depends back on notifications.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "tickets :: events",
            "comments :: events",
            "sla :: events",
            "identity",
            "catalog",
            "platform",
            "platform :: *"
        })
package com.echamado.notifications;

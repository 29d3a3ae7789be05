/**
 * Notifications, driven by events only: e-mail to requesters, agents and assignees (Portuguese or English by the
 * recipient's language, unless they switched e-mail off), and signed webhooks that administrators register. Reads
 * recipients through the identity and catalog facades; changes nothing in other modules.
 */
package com.echamado.notifications;

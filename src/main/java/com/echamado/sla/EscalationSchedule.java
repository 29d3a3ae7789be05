package com.echamado.sla;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link Escalations} on every replica; the advisory lock lets one of them work at a time. */
@Component
class EscalationSchedule {

    private final Escalations escalations;

    EscalationSchedule(Escalations escalations) {
        this.escalations = escalations;
    }

    @Scheduled(
            fixedDelayString = "${echamado.sla.escalation-interval}",
            initialDelayString = "${echamado.sla.escalation-interval}")
    void run() {
        escalations.run();
    }
}

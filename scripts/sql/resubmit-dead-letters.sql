-- Gives dead-lettered event publications (an in-process listener failed them ECHAMADO_EVENTS_MAX_ATTEMPTS times) a
-- new set of attempts: the next resubmission round (ECHAMADO_EVENTS_RESUBMIT_INTERVAL) runs them again. Run it once
-- the cause is fixed (docs/operations.md#when-events-are-dead-lettered); listeners are idempotent, so running it
-- twice is harmless. Narrow it with a listener: AND listener_id LIKE 'echamado.email.%'.
UPDATE event_publication
   SET completion_attempts = 0
 WHERE completion_date IS NULL
   AND status = 'FAILED'
   AND listener_id <> 'echamado.events.forwarder';

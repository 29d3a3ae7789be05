package com.echamado.platform.messaging;

/** The broker did not confirm an event (nack, unroutable return, or no answer in time). */
class EventNotDeliveredException extends RuntimeException {

    EventNotDeliveredException(String message) {
        super(message);
    }

    EventNotDeliveredException(String message, Throwable cause) {
        super(message, cause);
    }
}

/**
 * Domain events on their way between modules and to RabbitMQ: the event contract modules publish, the consumer
 * contract and the inbox. A named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("messaging")
package com.echamado.platform.messaging;

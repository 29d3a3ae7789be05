package com.echamado.notifications;

import java.util.List;

/** A webhook to register: where to POST, the shared secret deliveries are signed with, and event-type patterns. */
public record NewWebhook(String url, String secret, List<String> eventTypes) {}

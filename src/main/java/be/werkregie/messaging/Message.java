package be.werkregie.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

public record Message(UUID id, UUID personId, String template, String language, String channel, MessageStatus status,
                      String subject, String body, String recipient, int attempt, String failureReason,
                      OffsetDateTime createdAt, OffsetDateTime deliveredAt) {}

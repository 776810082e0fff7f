package be.werkregie.messaging;

/** QUEUED → SENT (e-mail), AWAITING_EXPORT → SENT (SMS), IN_PRINT_BATCH → PRINTED (letter), TASK_OPEN → DONE (phone). */
public enum MessageStatus { QUEUED, SENT, AWAITING_EXPORT, IN_PRINT_BATCH, PRINTED, TASK_OPEN, DONE, FAILED, UNREACHABLE }

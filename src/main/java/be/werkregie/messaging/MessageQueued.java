package be.werkregie.messaging;

import java.util.UUID;

/** Internal: a message attempt waits for delivery (delivered after commit through the event publication registry). */
record MessageQueued(UUID messageId) {}

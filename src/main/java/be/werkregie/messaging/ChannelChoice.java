package be.werkregie.messaging;

import be.werkregie.people.Channel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the channel for a message: the person's first preferred channel that can work with the contact data
 * we have and has not failed yet; when none does, a letter (if we have an address) and then a phone call.
 * Face-to-face is a way of service, not of sending a message, so it is skipped here.
 */
public final class ChannelChoice {

    private ChannelChoice() {
    }

    public static Optional<Channel> choose(List<Channel> preferred, boolean hasEmail, boolean hasPhone, boolean hasAddress,
                                           Set<Channel> alreadyFailed) {
        for (Channel c : preferred) {
            if (!alreadyFailed.contains(c) && possible(c, hasEmail, hasPhone, hasAddress)) {
                return Optional.of(c);
            }
        }
        for (Channel c : List.of(Channel.LETTER, Channel.PHONE)) {
            if (!alreadyFailed.contains(c) && possible(c, hasEmail, hasPhone, hasAddress)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static boolean possible(Channel c, boolean hasEmail, boolean hasPhone, boolean hasAddress) {
        return switch (c) {
            case EMAIL -> hasEmail;
            case SMS, PHONE -> hasPhone;
            case LETTER -> hasAddress;
            case FACE_TO_FACE -> false;
        };
    }
}

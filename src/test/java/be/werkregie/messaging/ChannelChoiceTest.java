package be.werkregie.messaging;

import static be.werkregie.people.Channel.EMAIL;
import static be.werkregie.people.Channel.FACE_TO_FACE;
import static be.werkregie.people.Channel.LETTER;
import static be.werkregie.people.Channel.PHONE;
import static be.werkregie.people.Channel.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelChoiceTest {

    @Test
    void takesTheFirstPreferredChannelThatWorks() {
        assertThat(ChannelChoice.choose(List.of(SMS, EMAIL), true, true, true, Set.of())).contains(SMS);
        assertThat(ChannelChoice.choose(List.of(EMAIL, SMS), false, true, true, Set.of())).contains(SMS);
    }

    @Test
    void fallsBackToALetterWhenTheEmailBounced() {
        assertThat(ChannelChoice.choose(List.of(EMAIL), true, false, true, Set.of(EMAIL))).contains(LETTER);
    }

    @Test
    void phonesWhenThereIsNoAddressForALetter() {
        assertThat(ChannelChoice.choose(List.of(EMAIL), true, true, false, Set.of(EMAIL))).contains(PHONE);
    }

    @Test
    void skipsFaceToFaceAndReportsWhenNothingReachesThePerson() {
        assertThat(ChannelChoice.choose(List.of(FACE_TO_FACE), false, false, false, Set.of())).isEmpty();
        assertThat(ChannelChoice.choose(List.of(FACE_TO_FACE), false, false, true, Set.of())).contains(LETTER);
    }
}

package be.werkregie;

import be.werkregie.people.NewPerson;
import be.werkregie.shared.NationalNumber;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, valid people for tests (unique national numbers within a run). */
public final class TestPeople {

    private static final AtomicInteger SEQ = new AtomicInteger(600);

    private TestPeople() {
    }

    public static String nationalNumber() {
        int s = SEQ.incrementAndGet();
        return NationalNumber.generate(LocalDate.of(1960 + s % 40, 1 + s % 12, 1 + s % 28), 1 + s % 997).value();
    }

    public static NewPerson person(String first, List<String> channels, String email, String phone, String street) {
        return new NewPerson(nationalNumber(), first, "Testpersoon", "9000", street, email, phone, "nl", "nl", channels,
                "JOB_SEEKER", "MEDIUM", false, false, Map.of(), null);
    }
}

package be.werkregie.campus;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loans of a campus's tools by day part within their stock. Each tool, day and part has a counter; a loan moves it with
 * a guarded update ({@code reserved + n <= stock}), so the stock is never exceeded however many ask at once; a whole day
 * takes the morning and the afternoon, both or neither (the transaction rolls back).
 */
@Service
public class ToolLoans {

    public record Loan(UUID id, UUID toolId, String toolName, LocalDate onDate, DayPart dayPart, int quantity, String purpose, String status) {}

    private final JdbcClient jdbc;
    private final Campuses campuses;
    private final Clock clock;

    ToolLoans(JdbcClient jdbc, Campuses campuses, Clock clock) {
        this.jdbc = jdbc;
        this.campuses = campuses;
        this.clock = clock;
    }

    static List<DayPart> units(DayPart p) {
        return p == DayPart.DAY ? List.of(DayPart.MORNING, DayPart.AFTERNOON) : List.of(p);
    }

    /** How many of the tool are still free on the day part (the least over the parts a whole day takes). */
    public int available(UUID toolId, LocalDate on, DayPart part) {
        int stock = jdbc.sql("select stock from cp_tool where id = ?").param(toolId).query(Integer.class).optional().orElse(0);
        int most = 0;
        for (DayPart p : units(part)) {
            most = Math.max(most, jdbc.sql("select coalesce(max(reserved), 0) from cp_tool_slot where tool_id = ? and on_date = ? and day_part = ?")
                    .params(toolId, on, p.name()).query(Integer.class).single());
        }
        return Math.max(0, stock - most);
    }

    @Transactional
    public Loan borrow(UUID toolId, LocalDate on, DayPart part, Integer quantity, String purpose, CurrentUser actor) {
        Validator v = new Validator().required("purpose", purpose, 200);
        List<Campuses.Tool> all = toolId == null ? List.of() : campuses.campuses().stream().flatMap(c -> campuses.tools(c.id()).stream())
                .filter(t -> t.id().equals(toolId)).toList();
        v.check(!all.isEmpty(), "toolId", "validation.choice");
        v.check(on != null, "onDate", "validation.date");
        v.check(part != null, "part", "validation.choice");
        v.check(quantity != null && quantity > 0, "quantity", "validation.positive");
        if (on != null) {
            v.check(!on.isBefore(LocalDate.now(clock)), "onDate", "campus.booking.past");
            v.check(!on.isAfter(LocalDate.now(clock).plusYears(Bookings.HORIZON_YEARS)), "onDate", "campus.booking.tooFar", Bookings.HORIZON_YEARS);
        }
        v.throwIfInvalid();
        Campuses.Tool tool = all.get(0);
        v.check(quantity <= tool.stock(), "quantity", "campus.tool.overStock", tool.stock());
        v.throwIfInvalid();
        for (DayPart p : units(part)) {
            jdbc.sql("insert into cp_tool_slot (tool_id, on_date, day_part, reserved) values (?,?,?,0) on conflict do nothing")
                    .params(toolId, on, p.name()).update();
            int moved = jdbc.sql("""
                    update cp_tool_slot set reserved = reserved + ? where tool_id = ? and on_date = ? and day_part = ?
                      and reserved + ? <= (select stock from cp_tool where id = ?)""")
                    .params(quantity, toolId, on, p.name(), quantity, toolId).update();
            ConflictException.unlessChanged(moved, "quantity", "campus.tool.notEnough", available(toolId, on, part));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into cp_tool_loan (id, tool_id, on_date, day_part, quantity, booked_by, purpose, status, created_at)
                values (?,?,?,?,?,?,?,'RESERVED',?)""").params(id, toolId, on, part.name(), quantity, actor.username(), purpose.trim(),
                OffsetDateTime.now(clock)).update();
        return find(id);
    }

    @Transactional
    public Loan cancel(UUID id, CurrentUser actor) {
        Loan l = find(id);
        String by = jdbc.sql("select booked_by from cp_tool_loan where id = ?").param(id).query(String.class).single();
        if (!by.equals(actor.username())) {
            throw new NotFoundException("loan");
        }
        ConflictException.unlessChanged(jdbc.sql("update cp_tool_loan set status = 'CANCELLED', cancelled_at = ? where id = ? and status = 'RESERVED'")
                .params(OffsetDateTime.now(clock), id).update(), "loan", "campus.booking.cancelled");
        for (DayPart p : units(l.dayPart())) {
            jdbc.sql("update cp_tool_slot set reserved = reserved - ? where tool_id = ? and on_date = ? and day_part = ?")
                    .params(l.quantity(), l.toolId(), l.onDate(), p.name()).update();
        }
        return find(id);
    }

    private static final String SELECT = """
            select l.id, l.tool_id, t.name_nl, t.name_fr, t.name_en, l.on_date, l.day_part, l.quantity, l.purpose, l.status
            from cp_tool_loan l join cp_tool t on t.id = l.tool_id""";

    private static Loan map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String lang = org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
        String name = lang.equals("fr") ? rs.getString(4) : lang.equals("en") ? rs.getString(5) : rs.getString(3);
        return new Loan(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), name, rs.getObject(6, LocalDate.class),
                DayPart.valueOf(rs.getString(7)), rs.getInt(8), rs.getString(9), rs.getString(10));
    }

    Loan find(UUID id) {
        return jdbc.sql(SELECT + " where l.id = ?").param(id).query(ToolLoans::map).optional().orElseThrow(() -> new NotFoundException("loan"));
    }

    public List<Loan> mine(CurrentUser actor, LocalDate from) {
        return jdbc.sql(SELECT + " where l.booked_by = ? and l.on_date >= ? order by l.on_date").params(actor.username(), from)
                .query(ToolLoans::map).list();
    }
}

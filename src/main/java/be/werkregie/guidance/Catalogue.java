package be.werkregie.guidance;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Products, their modules and the flanking actions with their combinability, as data: a new flanking action is a row
 * in gd_offer, not code. Action kinds (with which of them are formal outputs, and their fee) are data too.
 */
@Service
public class Catalogue {

    public record Offer(String code, String kind, String nameNl, String nameFr, String nameEn, List<String> modules,
                        List<String> combinableWith, String contractForm) {
        public String name(String language) {
            return inLanguage(language, nameNl, nameFr, nameEn);
        }
    }

    public record ActionKind(String code, String nameNl, String nameFr, String nameEn, boolean formalOutput,
                             java.math.BigDecimal outputFee) {
        public String name(String language) {
            return inLanguage(language, nameNl, nameFr, nameEn);
        }
    }

    static String inLanguage(String language, String nl, String fr, String en) {
        return "fr".equals(language) ? fr : "en".equals(language) ? en : nl;
    }

    private final JdbcClient jdbc;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static List<String> list(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static Offer map(ResultSet rs, int i) throws SQLException {
        return new Offer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), list(rs.getArray(6)),
                list(rs.getArray(7)), rs.getString(8));
    }

    public List<Offer> offers() {
        return jdbc.sql("""
                select code, kind, name_nl, name_fr, name_en, modules, combinable_with, contract_form from gd_offer
                where active order by case kind when 'PRODUCT' then 0 when 'STANDALONE_MODULE' then 1 else 2 end, code""")
                .query(Catalogue::map).list();
    }

    private volatile java.util.Map<String, Offer> offerNames = java.util.Map.of();
    private volatile java.util.Map<String, ActionKind> actionNames = java.util.Map.of();
    private volatile long namesReadAt;

    /** The name of an offer (product, module, flanking action) in the reader's language; its code when unknown. */
    public String offerName(String code, String language) {
        Offer o = names().get(code);
        return o == null ? code : o.name(language);
    }

    /** The name of an action kind in the reader's language; its code when unknown. */
    public String actionName(String code, String language) {
        names();
        ActionKind a = actionNames.get(code);
        return a == null ? code : a.name(language);
    }

    /** The catalogue's names, read at most once a minute (pages show them in every row). */
    private java.util.Map<String, Offer> names() {
        if (offerNames.isEmpty() || System.nanoTime() - namesReadAt > 60_000_000_000L) {
            java.util.Map<String, Offer> o = new java.util.HashMap<>();
            offers().forEach(x -> o.put(x.code(), x));
            java.util.Map<String, ActionKind> a = new java.util.HashMap<>();
            actionKinds().forEach(x -> a.put(x.code(), x));
            actionNames = a;
            offerNames = o;
            namesReadAt = System.nanoTime();
        }
        return offerNames;
    }

    public Optional<Offer> offer(String code) {
        return offers().stream().filter(o -> o.code().equals(code)).findFirst();
    }

    public List<Offer> flankingActions() {
        return offers().stream().filter(o -> o.kind().equals("FLANKING")).toList();
    }

    public List<ActionKind> actionKinds() {
        return jdbc.sql("select code, name_nl, name_fr, name_en, formal_output, output_fee from gd_action_kind order by name_nl")
                .query((rs, i) -> new ActionKind(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBigDecimal(6)))
                .list();
    }

    /** The flanking actions that may not accompany the product (unknown codes included). */
    public static List<String> notCombinable(String product, List<String> flanking, List<Offer> catalogue) {
        List<String> wrong = new ArrayList<>();
        for (String code : flanking) {
            Optional<Offer> o = catalogue.stream().filter(x -> x.code().equals(code) && x.kind().equals("FLANKING")).findFirst();
            if (o.isEmpty() || !o.get().combinableWith().contains(product)) {
                wrong.add(code);
            }
        }
        return wrong;
    }

    public List<String> notCombinable(String product, List<String> flanking) {
        return notCombinable(product, flanking, offers());
    }
}

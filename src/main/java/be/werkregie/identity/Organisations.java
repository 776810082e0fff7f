package be.werkregie.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The organisations of the ecosystem: the employment service, partners, centres, social services, employers. */
@Service
public class Organisations {

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Organisation create(OrganisationKind kind, String name, String municipalityNis, UUID parentId, String email,
                               String phone) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organisation (id, kind, name, municipality_nis, parent_id, email, phone) values (?,?,?,?,?,?,?)")
                .params(id, kind.name(), name, municipalityNis, parentId, email, phone).update();
        return new Organisation(id, kind, name, municipalityNis, parentId, email, phone);
    }

    public Optional<Organisation> find(UUID id) {
        return jdbc.sql("select id, kind, name, municipality_nis, parent_id, email, phone from organisation where id = ?")
                .param(id).query(Organisations::map).optional();
    }

    public List<Organisation> ofKind(OrganisationKind kind) {
        return jdbc.sql("select id, kind, name, municipality_nis, parent_id, email, phone from organisation where kind = ? order by name")
                .param(kind.name()).query(Organisations::map).list();
    }

    /** Organisations a person can be handed over to or give a mandate to. */
    public List<Organisation> receivers() {
        return jdbc.sql("""
                select id, kind, name, municipality_nis, parent_id, email, phone from organisation
                where kind in ('EMPLOYMENT_SERVICE','PES_OFFICE','PARTNER','CAREER_CENTRE','SOCIAL_SERVICE') order by kind, name""")
                .query(Organisations::map).list();
    }

    /**
     * Organisations a person living in the given municipality can be handed over to: the employment service,
     * its offices, partners, career centres and the social service (OCMW) competent for the place of residence.
     * Keeps the choice short and meaningful instead of listing every OCMW of the region.
     */
    public List<Organisation> receiversFor(String municipalityNis) {
        return jdbc.sql("""
                select id, kind, name, municipality_nis, parent_id, email, phone from organisation
                where kind in ('EMPLOYMENT_SERVICE','PES_OFFICE','PARTNER','CAREER_CENTRE')
                   or (kind = 'SOCIAL_SERVICE' and municipality_nis = ?) order by kind, name""")
                .params(municipalityNis).query(Organisations::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from organisation").query(Long.class).single();
    }

    private static Organisation map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String nis = rs.getString(4);
        return new Organisation(rs.getObject(1, UUID.class), OrganisationKind.valueOf(rs.getString(2)), rs.getString(3),
                nis == null ? null : nis.trim(), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7));
    }
}

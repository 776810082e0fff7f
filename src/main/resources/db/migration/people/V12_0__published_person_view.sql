-- Published read view of the people module: what other modules may read about a person in their SQL (names for
-- lists, the municipality for distances and figures per municipality, language, status). No national number, no
-- contact data, no target-group dimensions: those go through PersonDirectory, which checks access and audits.
create view people_v_person as
select id, first_name, last_name, municipality_nis, language, status, persona from person;
comment on view people_v_person is 'Published read view of the people module (id, first_name, last_name, municipality_nis, language, status, persona)';

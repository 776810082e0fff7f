-- Published read view of the identity module: organisations by id, with kind, name and municipality.
create view identity_v_organisation as
select id, kind, name, municipality_nis, parent_id from organisation;
comment on view identity_v_organisation is 'Published read view of the identity module (id, kind, name, municipality_nis, parent_id)';

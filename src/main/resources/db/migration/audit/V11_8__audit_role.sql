-- The reader's role, so that the person reads "a mediator of VDAB-kantoor Gent" rather than a user name.
alter table audit_event add column actor_role text;
create index audit_event_person_org_idx on audit_event (person_id, organisation_id, at desc);

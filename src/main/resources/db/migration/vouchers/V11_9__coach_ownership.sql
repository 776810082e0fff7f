-- A coach's record (and public profile) belongs to the centre that created it. Another centre that wants to work with
-- the coach (a subcontractor) asks for a link; it counts only once the owning centre has accepted it.
alter table vc_coach add column owner_organisation_id uuid references organisation;
update vc_coach k set owner_organisation_id = (select cc.organisation_id from vc_coach_centre cc where cc.coach_id = k.id
                                                order by cc.organisation_id limit 1);
alter table vc_coach_centre add column accepted_at timestamptz;
alter table vc_coach_centre add column requested_by text;
update vc_coach_centre set accepted_at = '2020-01-01T00:00:00Z' where accepted_at is null;

-- Published read view of the guidance module: the placements of each assignment run, for the notifications the
-- messaging module sends after the run (client: partner, site and distance; partner: how many clients it received).
create view guidance_v_assignment as
select r.assignment_run as run_id, r.id as referral_id, r.person_id, s.partner_id, o.name as partner_name, s.name as site_name,
       r.distance_km
from gd_referral r
join gd_site s on s.id = r.site_id
join identity_v_organisation o on o.id = s.partner_id
where r.status = 'ASSIGNED' and r.assignment_run is not null;

comment on view guidance_v_assignment is
    'Published by guidance: one row per client placed by an assignment run (run_id, referral_id, person_id, partner_id, '
    'partner_name, site_name, distance_km). Read by messaging for the notifications after a run.';

-- Published read view of the guidance module for figures per municipality (the local cooperation dashboard, reporting):
-- who is or was in a trajectory, when, and how it ended. No partner, no KOW group, no fee: those stay behind the
-- information barriers of the guidance module.
create view guidance_v_trajectory as
select id, person_id, started_on, ended_on, status, work_start from gd_trajectory;
comment on view guidance_v_trajectory is 'Published read view of the guidance module (id, person_id, started_on, ended_on, status, work_start)';

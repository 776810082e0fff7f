-- The KOW score behind the group frozen at a trajectory's start, the model version that made it and the day it was
-- scored: every result fee traces to the exact score and version that set it, and the landing page compares each
-- partner's observed outflow with the outflow these scores expect. Never shown to mediators or partners.
alter table gd_trajectory add column kow_score numeric(6,5);
alter table gd_trajectory add column kow_version text;
alter table gd_trajectory add column kow_scored_on date;
alter table gd_trajectory add constraint gd_trajectory_kow_score_range check (kow_score is null or kow_score between 0 and 1);

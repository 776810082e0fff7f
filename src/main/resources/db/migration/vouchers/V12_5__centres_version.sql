-- The version of the centres' public data: raised in the transaction of every change, so every instance's search robot
-- notices a change made on another instance (it compares this number every few seconds) and reloads its snapshot.
create table vc_centres_version (
    id       int primary key default 1 check (id = 1),
    version  bigint not null
);
insert into vc_centres_version (id, version) values (1, 0);

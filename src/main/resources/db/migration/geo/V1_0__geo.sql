create table province (
    code      varchar(3) primary key,
    name_nl   text not null,
    name_fr   text not null,
    region    text not null
);
create table reference_region (
    id    smallint primary key,
    name  text not null unique
);
create table municipality (
    nis                  char(5) primary key,
    name_nl              text not null,
    name_fr              text not null,
    province_code        varchar(3) not null references province,
    reference_region_id  smallint not null references reference_region,
    population           integer not null check (population >= 0),
    lat                  numeric(8,5) not null,
    lon                  numeric(8,5) not null
);
create index municipality_name_nl_idx on municipality (lower(name_nl));
create table postcode (
    postcode  char(4) not null,
    nis       char(5) not null references municipality,
    primary key (postcode, nis)
);
insert into province values
 ('VAN','Antwerpen','Anvers','Vlaams Gewest'),
 ('VBR','Vlaams-Brabant','Brabant flamand','Vlaams Gewest'),
 ('VWV','West-Vlaanderen','Flandre occidentale','Vlaams Gewest'),
 ('VOV','Oost-Vlaanderen','Flandre orientale','Vlaams Gewest'),
 ('VLI','Limburg','Limbourg','Vlaams Gewest'),
 ('BRU','Brussels Hoofdstedelijk Gewest','Région de Bruxelles-Capitale','Brussels Hoofdstedelijk Gewest');

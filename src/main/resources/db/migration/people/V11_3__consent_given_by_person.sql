-- A consent is given by the person: in their own pages (SELF_SERVICE), or recorded by the receiving organisation with
-- the person present (IN_PERSON) or on a signed form (SIGNED_FORM, with its reference). Never by a third organisation.
alter table consent add column recorded_via text not null default 'LEGACY'
    check (recorded_via in ('SELF_SERVICE', 'IN_PERSON', 'SIGNED_FORM', 'LEGACY'));
alter table consent add column evidence text;

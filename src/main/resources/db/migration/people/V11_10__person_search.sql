-- Name search that finds "De Wilde", "Kovalenko, Mira" and "Frederic" for "Frédéric": names folded to lower case
-- without accents, every word findable by its start, served by a trigram index. unaccent and pg_trgm are trusted
-- extensions (a database owner may create them).
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create or replace function people_fold(t text) returns text language sql immutable parallel safe as
$$ select lower(public.unaccent('public.unaccent'::regdictionary, coalesce(t, ''))) $$;
alter table person add column search_name text
    generated always as (' ' || people_fold(first_name) || ' ' || people_fold(last_name) || ' ') stored;
create index person_search_name_idx on person using gin (search_name gin_trgm_ops);
create index person_national_number_prefix_idx on person (national_number bpchar_pattern_ops);

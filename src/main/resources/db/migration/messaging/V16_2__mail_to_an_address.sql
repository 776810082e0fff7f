-- A mail can go to an address that belongs to no organisation: a visitor who registered for a campus event and moves
-- up from its waiting list. The address comes from the registration; the rest works as for organisations.
alter table organisation_mail alter column organisation_id drop not null;

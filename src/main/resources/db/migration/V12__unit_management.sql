-- Closing a ward or school from a school year: the years before keep it and its figures,
-- it gets no form from that year on. Units with figures are never deleted, only closed.
-- The statement-level data_version trigger of V7 already covers every column of org_unit.
alter table org_unit
    add column closed_year integer check (closed_year between 1900 and 2100),
    add constraint org_unit_closed_after_opened check (closed_year is null or opened_year is null
                                                       or closed_year > opened_year),
    add constraint org_unit_closed_inactive check (closed_year is null or not active);

comment on column org_unit.closed_year is 'The start year of the first school year the unit no longer reports for; null while it is open.';

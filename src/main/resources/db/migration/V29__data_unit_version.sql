-- Which units' figures changed, per school year: beside each year's counter (V7, V17), a
-- counter per unit and year, moved by the same triggers in the same statement. After an
-- approval the progress cache reads these counters (one small row per unit) and reads
-- again the figures of the units whose counter moved, instead of the whole year (a city's
-- 3,000 schools). A year counter that moved with no unit counter (a bump by hand) still
-- makes the whole year read again.
--
-- Also: a submission moved to another school year or unit now counts as a change of both
-- the old and the new one (before, only the new year's counter moved).

create table data_unit_version (
    school_year integer not null,
    unit_id     bigint  not null,
    n           bigint  not null,
    primary key (school_year, unit_id)
);

comment on table data_unit_version is
    'Change counters per school year and unit, read by the progress cache; maintained by triggers only.';

create function data_version_bump_units(years integer[], units bigint[]) returns void
    language sql as
$$
    -- In a fixed order, so that two transactions never wait for each other's rows.
    insert into data_unit_version (school_year, unit_id, n)
    select distinct y, u, 1 from unnest(years, units) as t(y, u) where y is not null and u is not null
    order by 1, 2
    on conflict (school_year, unit_id) do update set n = data_unit_version.n + 1;
$$;

create or replace function submission_data_version() returns trigger
    language plpgsql as
$$
declare
    years integer[];
    units bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(school_year), array_agg(unit_id) into years, units
        from new_rows where status in ('SUBMITTED', 'APPROVED');
    elsif tg_op = 'UPDATE' then
        with changed as (
            select n.school_year as new_year, n.unit_id as new_unit, o.school_year as old_year, o.unit_id as old_unit
            from new_rows n join old_rows o on o.id = n.id
            where n.status in ('SUBMITTED', 'APPROVED')
               or o.status in ('SUBMITTED', 'APPROVED')
               or n.school_year <> o.school_year
               or n.unit_id <> o.unit_id)
        select array_agg(y), array_agg(u) into years, units
        from (select new_year as y, new_unit as u from changed
              union
              select old_year, old_unit from changed) t;
    else
        select array_agg(school_year), array_agg(unit_id) into years, units
        from old_rows where status in ('SUBMITTED', 'APPROVED');
    end if;
    perform data_version_bump_years(years);
    perform data_version_bump_units(years, units);
    return null;
end;
$$;

create or replace function figure_data_version() returns trigger
    language plpgsql as
$$
declare
    years integer[];
    units bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(school_year), array_agg(unit_id) into years, units
        from (select distinct s.school_year, s.unit_id from new_rows f
              join submission s on s.id = f.submission_id
              where s.status in ('SUBMITTED', 'APPROVED')) t;
    elsif tg_op = 'UPDATE' then
        select array_agg(school_year), array_agg(unit_id) into years, units
        from (select distinct s.school_year, s.unit_id
              from (select submission_id from new_rows union select submission_id from old_rows) f
              join submission s on s.id = f.submission_id
              where s.status in ('SUBMITTED', 'APPROVED')) t;
    else
        -- A figure deleted with its submission: the submission's own trigger counts it.
        select array_agg(school_year), array_agg(unit_id) into years, units
        from (select distinct s.school_year, s.unit_id from old_rows f
              join submission s on s.id = f.submission_id
              where s.status in ('SUBMITTED', 'APPROVED')) t;
    end if;
    perform data_version_bump_years(years);
    perform data_version_bump_units(years, units);
    return null;
end;
$$;

-- Versions of the data the dashboards read, bumped by triggers in the same transaction as
-- the change: the progress engine caches what it reads and checks these numbers on every
-- page load, so a figure approved now shows on the next load (no batch lag), whoever or
-- whatever changed it (the application, a restore, a fix by hand).
--
--   'all'        organisation, school years, metrics, plans and targets
--   'year:2024'  the submissions and figures of school year 2024-2025

create table data_version (
    scope varchar(20) primary key,
    n     bigint not null
);

comment on table data_version is 'Change counters read by the progress cache; maintained by triggers only.';

insert into data_version (scope, n) values ('all', 1);

create function data_version_bump_all() returns trigger
    language plpgsql as
$$
begin
    update data_version set n = n + 1 where scope = 'all';
    return null;
end;
$$;

do
$$
declare
    t text;
begin
    foreach t in array array ['org_unit', 'school_level', 'school_year', 'metric', 'metric_level', 'metric_rule',
                              'plan', 'indicator', 'target', 'target_milestone']
    loop
        execute format('create trigger %I after insert or update or delete or truncate on %I '
                       'for each statement execute function data_version_bump_all()', t || '_data_version', t);
    end loop;
end;
$$;

-- Submissions: the years of the rows changed (transition tables give them once per statement).
create function data_version_bump_years(years integer[]) returns void
    language sql as
$$
    insert into data_version (scope, n)
    select distinct 'year:' || y, 1 from unnest(years) as y where y is not null
    order by 1
    on conflict (scope) do update set n = data_version.n + 1;
$$;

create function submission_data_version() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform data_version_bump_years(array(select school_year from new_rows));
    elsif tg_op = 'UPDATE' then
        perform data_version_bump_years(array(select school_year from new_rows
                                              union select school_year from old_rows));
    else
        perform data_version_bump_years(array(select school_year from old_rows));
    end if;
    return null;
end;
$$;

create trigger submission_data_version_insert after insert on submission
    referencing new table as new_rows for each statement execute function submission_data_version();
create trigger submission_data_version_update after update on submission
    referencing new table as new_rows old table as old_rows
    for each statement execute function submission_data_version();
create trigger submission_data_version_delete after delete on submission
    referencing old table as old_rows for each statement execute function submission_data_version();

-- Figures: the years of their submissions. (When a submission is deleted, its figures go
-- with it and the submission's own trigger counts the change.)
create function figure_data_version() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform data_version_bump_years(array(select distinct s.school_year from new_rows f
                                              join submission s on s.id = f.submission_id));
    elsif tg_op = 'UPDATE' then
        perform data_version_bump_years(array(select distinct s.school_year
                                              from (select submission_id from new_rows
                                                    union select submission_id from old_rows) f
                                              join submission s on s.id = f.submission_id));
    else
        perform data_version_bump_years(array(select distinct s.school_year from old_rows f
                                              join submission s on s.id = f.submission_id));
    end if;
    return null;
end;
$$;

create trigger figure_data_version_insert after insert on figure
    referencing new table as new_rows for each statement execute function figure_data_version();
create trigger figure_data_version_update after update on figure
    referencing new table as new_rows old table as old_rows
    for each statement execute function figure_data_version();
create trigger figure_data_version_delete after delete on figure
    referencing old table as old_rows for each statement execute function figure_data_version();

-- Truncating submissions or figures (a restore, a reset) invalidates everything.
create trigger submission_data_version_truncate after truncate on submission
    for each statement execute function data_version_bump_all();
create trigger figure_data_version_truncate after truncate on figure
    for each statement execute function data_version_bump_all();

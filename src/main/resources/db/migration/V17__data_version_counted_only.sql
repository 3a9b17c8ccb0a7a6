-- The year counters (V7) move only with what the dashboards show: the figures of submitted
-- and approved reports, and every change of a report's status. A draft saved again and
-- again (the deadline-day crowd) no longer makes every dashboard compute the open year
-- again; submitting, returning, approving and reopening still do, at once.
-- (The progress engine reads APPROVED figures, and SUBMITTED ones in the "include
-- submitted" view: nothing in a DRAFT or RETURNED report counts.)

create or replace function submission_data_version() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform data_version_bump_years(array(select school_year from new_rows
                                              where status in ('SUBMITTED', 'APPROVED')));
    elsif tg_op = 'UPDATE' then
        perform data_version_bump_years(array(select n.school_year from new_rows n join old_rows o on o.id = n.id
                                              where n.status in ('SUBMITTED', 'APPROVED')
                                                 or o.status in ('SUBMITTED', 'APPROVED')
                                                 or n.school_year <> o.school_year
                                                 or n.unit_id <> o.unit_id));
    else
        perform data_version_bump_years(array(select school_year from old_rows
                                              where status in ('SUBMITTED', 'APPROVED')));
    end if;
    return null;
end;
$$;

create or replace function figure_data_version() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform data_version_bump_years(array(select distinct s.school_year from new_rows f
                                              join submission s on s.id = f.submission_id
                                              where s.status in ('SUBMITTED', 'APPROVED')));
    elsif tg_op = 'UPDATE' then
        perform data_version_bump_years(array(select distinct s.school_year
                                              from (select submission_id from new_rows
                                                    union select submission_id from old_rows) f
                                              join submission s on s.id = f.submission_id
                                              where s.status in ('SUBMITTED', 'APPROVED')));
    else
        -- A figure deleted with its submission: the submission's own trigger counts it.
        perform data_version_bump_years(array(select distinct s.school_year from old_rows f
                                              join submission s on s.id = f.submission_id
                                              where s.status in ('SUBMITTED', 'APPROVED')));
    end if;
    return null;
end;
$$;

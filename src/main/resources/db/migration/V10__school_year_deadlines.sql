-- School years run by the Office (issue 12): a deadline for each year's reports, optionally
-- one per level overriding it, and who opened, closed and reopened the year and when, with
-- the reason for a reopening. The full history of every change is in the audit trail; these
-- columns hold the latest of each. The trigger school_year_data_version (V7) keeps bumping
-- the 'all' change counter on every change of a row, so a year closed or reopened changes
-- the dashboards' verdicts on the next page load.

alter table school_year
    add column deadline       date,
    add column deadline_mn    date,
    add column deadline_th    date,
    add column deadline_thcs  date,
    add column opened_at      timestamptz,
    add column opened_by      varchar(60),
    add column closed_at      timestamptz,
    add column closed_by      varchar(60),
    add column reopened_at    timestamptz,
    add column reopened_by    varchar(60),
    add column reopen_reason  text,
    add column version        integer not null default 0,
    -- A deadline falls within the school year's reporting period: from 1 September of its
    -- start year to 31 December of its end year.
    add constraint school_year_deadlines_in_year check (
        (deadline is null or deadline between make_date(start_year, 9, 1) and make_date(start_year + 1, 12, 31))
        and (deadline_mn is null or deadline_mn between make_date(start_year, 9, 1) and make_date(start_year + 1, 12, 31))
        and (deadline_th is null or deadline_th between make_date(start_year, 9, 1) and make_date(start_year + 1, 12, 31))
        and (deadline_thcs is null or deadline_thcs between make_date(start_year, 9, 1) and make_date(start_year + 1, 12, 31))),
    add constraint school_year_reopen_reason check (reopened_at is null or reopen_reason is not null);

comment on column school_year.deadline is 'Date by which every unit should have submitted its report for the year (inclusive, Hà Nội time).';
comment on column school_year.deadline_mn is 'Deadline for preschools (MN), overriding deadline.';
comment on column school_year.deadline_th is 'Deadline for primary schools (TH), overriding deadline.';
comment on column school_year.deadline_thcs is 'Deadline for lower-secondary schools (THCS), overriding deadline.';
comment on column school_year.reopen_reason is 'Why the Office last reopened the year after closing it.';

-- Plans have versions (issue 13). A row of `plan` is now one version of a plan:
--
--   DRAFT      being written or edited; seen by the Office only, read by nothing else
--   PUBLISHED  the version dashboards, the API, the reports and the forms use (one per plan)
--   ARCHIVED   an earlier published version, kept readable
--
-- Editing a published plan starts a new DRAFT (at most one per plan); publishing it archives
-- the version it replaces. A discarded draft is deleted (the audit trail keeps the fact).
--
-- Metrics and rules a draft brings (from an imported file) wait on the draft and join the
-- catalog only when it is published: `pending_metrics` and `pending_rules` hold them as JSON.

alter table plan drop constraint plan_code_key;

alter table plan add column number integer not null default 1;
alter table plan add column status varchar(10) not null default 'PUBLISHED'
    check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED'));
alter table plan add column created_by varchar(100);
alter table plan add column created_at timestamptz;
alter table plan add column published_by varchar(100);
alter table plan add column published_at timestamptz;
alter table plan add column pending_metrics text;
alter table plan add column pending_rules text;

update plan set created_by = 'system', created_at = loaded_at, published_by = 'system', published_at = loaded_at;

alter table plan add constraint plan_code_number unique (code, number);
create unique index plan_one_draft on plan (code) where status = 'DRAFT';
create unique index plan_one_published on plan (code) where status = 'PUBLISHED';

-- A metric a published plan brought into the catalog appears on the forms from a school year
-- on (the next one opened, or the open one if the Office said so), never silently before.
create table plan_metric_start (
    plan_code   varchar(60) not null,
    metric_code varchar(60) not null,
    from_year   integer     not null,
    primary key (plan_code, metric_code)
);

create trigger plan_metric_start_data_version after insert or update or delete or truncate on plan_metric_start
    for each statement execute function data_version_bump_all();

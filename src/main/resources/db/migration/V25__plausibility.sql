-- Plausibility warnings (issue 15): each metric may set how far a value may move from last
-- year's, and from the median of similar schools, before the form asks the user to confirm
-- it with a short explanation; the explanation is kept with the figure for the reviewer.

alter table metric
    add column plausible_change numeric(10, 4) check (plausible_change is null or plausible_change > 0),
    add column plausible_spread numeric(10, 4) check (plausible_spread is null or plausible_spread > 1);

comment on column metric.plausible_change is 'How far from last year a value may move unremarked: a factor (count, decimal) or percentage points (percent); null for the default.';
comment on column metric.plausible_spread is 'A factor around the median of similar schools beyond which a value is remarked; null for the default.';

create table figure_explanation (
    submission_id bigint       not null references submission (id) on delete cascade,
    metric_code   varchar(60)  not null,
    level         varchar(4)   check (level in ('MN', 'TH', 'THCS')),
    explanation   varchar(500) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(60)  not null,
    constraint figure_explanation_one unique nulls not distinct (submission_id, metric_code, level)
);

comment on table figure_explanation is 'Why a figure that looks implausible (far from last year or from similar schools) is right, as its unit explained it.';

-- The organisation renamed from a school year (issue 12): in 2025 Long Biên district was
-- abolished, and the Office's letterhead changed with it. The years before keep the name
-- they were reported under: this table holds each former name with the first school year
-- that no longer used it; the organisation row holds the name of today.

create table organisation_former_name (
    until_year   integer      primary key check (until_year between 1900 and 2100),
    name         varchar(200) not null,
    parent_body  varchar(120) not null,
    issuing_body varchar(120) not null,
    place        varchar(60)  not null,
    recorded_by  varchar(60)  not null,
    recorded_at  timestamptz  not null
);

comment on table organisation_former_name is 'The organisation''s name, letterhead and place before school year until_year (start year).';

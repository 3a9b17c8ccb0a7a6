-- The organisation's own settings (one row): how it names itself on the documents it
-- issues (Decree 30/2020/NĐ-CP). Empty on a fresh installation until the Office or the
-- administrator fills them in (/admin/organisation); the sample district fills them.
-- No data_version trigger: the progress engine does not read them.

create table organisation (
    id           smallint     primary key default 1 check (id = 1),
    name         varchar(200),
    parent_body  varchar(120),
    issuing_body varchar(120),
    place        varchar(60),
    signer_title varchar(80),
    recipients   varchar(1600),
    version      bigint       not null default 0,
    changed_by   varchar(60),
    changed_at   timestamptz
);

comment on column organisation.parent_body is 'The issuing body''s parent, first line of the letterhead, e.g. UBND QUẬN LONG BIÊN';
comment on column organisation.issuing_body is 'The issuing body itself, second line, e.g. PHÒNG GIÁO DỤC VÀ ĐÀO TẠO';
comment on column organisation.place is 'The place of the date line, e.g. Long Biên';
comment on column organisation.recipients is 'The usual recipients, one per line';

insert into organisation (id) values (1);

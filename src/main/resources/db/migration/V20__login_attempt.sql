-- The counts that slow down password guessing (docs/security.md), shared by every instance
-- of the application on this database: five wrong passwords spread over two instances lock
-- the account like five on one. Rows that lock nothing and are older than the lockout are
-- deleted by the application.

create table login_attempt (
    key          varchar(400) primary key,
    username     varchar(200),
    failures     integer     not null check (failures >= 0),
    last_at      timestamptz not null,
    locked_until timestamptz
);

create index login_attempt_username_idx on login_attempt (username);
create index login_attempt_last_idx on login_attempt (last_at);

comment on table login_attempt is 'Failed logins by user name and address (key user:<name>@<address>) and by address for unknown names (key address:<address>).';

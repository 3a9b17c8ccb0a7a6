-- Users managed from the administrator's pages: how to reach the person, who created
-- the account, and when they last logged in (null: never). The full name is display_name.

alter table app_user
    add column contact       varchar(200),
    add column created_by    varchar(60),
    add column last_login_at timestamptz;

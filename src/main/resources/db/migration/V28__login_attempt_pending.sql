-- Passwords being checked, apart from the failures (docs/security.md, login throttling): an
-- attempt is counted as pending before its password is checked, and becomes a failure only
-- when the password turns out wrong. Parallel calls with the right password (an API client
-- using HTTP Basic) then never lock an account; parallel guesses still cannot check more
-- passwords than the limit, since failures and pending checks count together.
alter table login_attempt add column pending integer not null default 0 check (pending >= 0);

comment on column login_attempt.pending is 'Attempts whose password is being checked; forgotten a minute after the last attempt (a check that never ended).';

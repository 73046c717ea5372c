-- Sessions and remember-me cookies end when what they were granted changes (module: account).
-- Every change of a user's role, enabled state or password adds one; a session signed in with
-- another value is ended on its next request, on whichever instance it arrives.
alter table account_user add column security_stamp bigint not null default 0;

-- Secrets every instance must share, made once by the first instance that needs one
-- (today the key that signs remember-me cookies when tlswatch.security.remember-me-key is empty).
create table account_secret (
    name       varchar(64)  primary key,
    value      varchar(200) not null,
    created_at timestamptz  not null
);

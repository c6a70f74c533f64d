-- Browsers that signed in to an account with its password (a cookie holds the token, this table its hash).
-- While failed guesses hold an account back, the right password from one of these still signs in, so a
-- stranger cannot lock the real person out.
create table known_devices (
    token_hash varchar(64)              not null,
    user_id    uuid                     not null references users (id) on delete cascade,
    created_at timestamp with time zone not null,
    constraint known_devices_pk primary key (token_hash)
);
create index known_devices_user_ix on known_devices (user_id);

-- "Forgot password" links: the email carries the token, this table its hash. Used once, within its hour.
create table password_resets (
    token_hash varchar(64)              not null,
    user_id    uuid                     not null references users (id) on delete cascade,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    constraint password_resets_pk primary key (token_hash)
);
create index password_resets_user_ix on password_resets (user_id);

-- Issue 11 (accounts). An owner who signed up confirms their email address before the workspace may mail anyone
-- but the owner. Everyone who exists before this migration counts as confirmed: their workspaces were made
-- before sign-up needed a confirmation, and stopping their invoice emails overnight would break running businesses.
alter table users add column email_confirmed_at timestamp with time zone;
update users set email_confirmed_at = created_at;
-- When a sign-up with this address last mailed its holder "you already have an account": at most one an hour.
alter table users add column signup_notice_at timestamp with time zone;

-- Links that confirm an owner's email address; only the hash of the secret is stored.
create table email_confirmations (
    token_hash char(64)                 primary key,
    user_id    uuid                     not null references users (id),
    email      varchar(254)             not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
create index email_confirmations_user_ix on email_confirmations (user_id, created_at);

-- API tokens may expire; null means never.
alter table api_tokens add column expires_at timestamp with time zone;

-- Up to ten recipients of up to 254 characters each, joined by commas.
alter table mail_outbox alter column recipients set data type varchar(2600);

-- What a payment with a request key (Idempotency-Key, form key) asked for, hashed: the same key with another
-- payment is refused instead of silently answering the first one. Empty for payments recorded before.
alter table payments add column request_hash varchar(64);

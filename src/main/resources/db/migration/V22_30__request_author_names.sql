-- The display name an email's sender gave ("Ana Lima" of "Ana Lima <ana@example.com>"), kept with the message and
-- with a request opened by email: a sender who is no contact of the client (assigned from review) has no other
-- name. A known contact's or a person's name is read from their own row, so a rename shows everywhere.
alter table request_messages add column from_name varchar(200);
alter table requests add column author_name varchar(200);

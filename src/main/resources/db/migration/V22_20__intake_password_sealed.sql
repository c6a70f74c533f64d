-- Mailbox passwords are kept sealed (AES-256-GCM, "v1:" + base64 of nonce, ciphertext and tag): a password of
-- 1,000 characters (up to 3,000 bytes in UTF-8) takes 4,043 characters sealed. Plain values saved before are
-- sealed at start-up by the application (intake.PlainPasswordSealing), which holds the key; SQL does not.
alter table intake_mailboxes alter column password set data type varchar(4100);

-- Sign-in tokens no longer sit in the outbox: the stored text has them replaced, and only the
-- process that queued a message holds the text to send.
ALTER TABLE "OutboxMessage" ADD COLUMN "redacted" BOOLEAN NOT NULL DEFAULT false;

-- Links already stored with a live token lose it here. An unsent one can no longer be sent with
-- a working link, so it is marked undeliverable (the member can ask for a new link).
UPDATE "OutboxMessage"
SET text = regexp_replace(text, '([?&]token=)[^[:space:]&]+', '\1[redacted]', 'g'), redacted = true
WHERE text ~ '[?&]token=';

UPDATE "OutboxMessage"
SET error = 'Not sent: its sign-in link was removed from storage before it went out; the member can ask for a new link.'
WHERE redacted AND "sentAt" IS NULL AND error IS NULL;

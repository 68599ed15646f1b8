-- E-mail headers for the privilege log: Cc and Subject apart from To, and the attachments inside.
ALTER TABLE "Exhibit" ADD COLUMN "cc" TEXT,
ADD COLUMN "subject" TEXT,
ADD COLUMN "emailAttachments" JSONB;

-- Backfill: e-mails already extracted are queued for extraction again, which reads their headers
-- into these columns (the worker re-sends queued exhibits when it starts). What a person typed
-- into author, recipients or the document date is kept.
UPDATE "Exhibit" e SET "extractionStatus" = 'QUEUED', "extractionError" = NULL
FROM "Blob" b
WHERE b.sha256 = e."blobSha256"
  AND e."extractionStatus" = 'DONE'
  AND COALESCE(e."detectedType", b."mediaType") = 'message/rfc822';

-- Uploads used to record the uploader as "collected by", a guess a FRE 902(14) certification then
-- stated as fact. Where that value is still the uploader's name and nobody ever set it by hand
-- (no metadata change touched it), it is cleared: a blank to complete, not a guess.
UPDATE "Exhibit" e SET "collectedBy" = NULL
FROM "User" u
WHERE u.id = e."createdById"
  AND e."collectedBy" = u.name
  AND NOT EXISTS (
    SELECT 1 FROM "AuditEvent" a
    WHERE a."entityId" = e.id::text AND a.action = 'exhibit.update' AND (a.details -> 'after') ? 'collectedBy'
  );

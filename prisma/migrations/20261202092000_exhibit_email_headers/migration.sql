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

-- Counts text-extraction runs that started and have not finished, so that a file that kills its
-- worker process is failed after one retry instead of crash-looping.
ALTER TABLE "Exhibit" ADD COLUMN "extractionAttempts" INTEGER NOT NULL DEFAULT 0;

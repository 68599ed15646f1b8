-- The public settlement website: its per-locale texts, and the court documents it publishes.
ALTER TABLE "Exhibit" ADD COLUMN     "publishedOnSite" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Matter" ADD COLUMN     "settlementSite" JSONB;

-- Matter facts that papers cite (AO 187 header, FRE 502(d) and protective orders), the analyzer's
-- flagged countries and the matter's time zone.
ALTER TABLE "Matter" ADD COLUMN "judge" TEXT,
  ADD COLUMN "plaintiffsCounsel" TEXT,
  ADD COLUMN "defendantsCounsel" TEXT,
  ADD COLUMN "trialDate" DATE,
  ADD COLUMN "fre502dOrder" TEXT,
  ADD COLUMN "protectiveOrder" TEXT,
  ADD COLUMN "flaggedCountries" TEXT[] DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'America/Los_Angeles';

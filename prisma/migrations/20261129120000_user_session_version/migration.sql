-- A session carries the version it was signed in under; sign-out, a disabled account and a
-- password change raise it, so a copied session cookie stops working at once.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;

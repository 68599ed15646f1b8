-- Image productions: pages rendered at 300 DPI (JPEG, or Group IV TIFF for black-and-white pages)
-- into IMAGES/ and listed page by page in the OPT; packaged by the production job.
CREATE TYPE "ProductionImageFormat" AS ENUM ('JPG', 'TIFF');

ALTER TABLE "Production" ADD COLUMN "imageFormat" "ProductionImageFormat",
ADD COLUMN "packagingError" TEXT;

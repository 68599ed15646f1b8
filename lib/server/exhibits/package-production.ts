import "server-only";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import yazl from "yazl";
import { batesLabel, exhibitLabel } from "@/lib/bates/format";
import { LEGENDS } from "@/lib/bates/stamp";
import { writeCsv } from "@/lib/csv/write-csv";
import { familyRanges, loadFilePath, nativeZipPath, writeDat, writeOpt, type DatValue } from "@/lib/productions/load-files";
import { IMAGE_DPI, type PageRenderer } from "@/lib/productions/page-images";
import { protectiveOrderNote, waiverWarning } from "@/lib/productions/waiver-notice";
import { CONFIDENTIALITY_LABELS, PRIVILEGE_LABELS, REDACTION_REASON_LABELS } from "@/lib/schemas/exhibit";
import type { AuditActor } from "@/lib/server/audit/append-audit";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { sandboxPageRenderer } from "@/lib/server/sandbox/render-in-sandbox";
import { blobStore } from "@/lib/server/storage/active-blob-store";
import { openVerified, readVerified } from "@/lib/server/storage/open-verified";

export const LOAD_FILE_HEADER = ["BegBates", "EndBates", "ExhibitNo", "Title", "ProducedFile", "OriginalFileName", "OriginalSHA256", "ProducedSHA256", "Pages", "Confidentiality"];

export const DAT_HEADER = [
  "BEGBATES",
  "ENDBATES",
  "BEGATTACH",
  "ENDATTACH",
  "PARENTBATES",
  "ATTACHCOUNT",
  "CUSTODIAN",
  "DATESENT",
  "AUTHOR",
  "RECIPIENTS",
  "TITLE",
  "FILENAME",
  "FILEEXT",
  "DOCTYPE",
  "PAGECOUNT",
  "CONFIDENTIALITY",
  "PRIVILEGE",
  "PRODVOL",
  "EXHIBITNO",
  "MD5HASH",
  "SHA256",
  "ORIGINALSHA256",
  "TEXTPATH",
  "NATIVEPATH",
  "IMAGEPATH",
  "REDACTED",
] as const;

// The redaction log shipped with a production: what was redacted where and why, by whom and when,
// never the text. A region's area is in PDF points from the page's bottom-left corner.
export const REDACTION_LOG_HEADER = ["BegBates", "EndBates", "ExhibitNo", "Type", "Reason", "Occurrences", "Pages", "Area", "RedactedBy", "RedactedAt"];

const pt = (n: number | null) => String(Math.round((n ?? 0) * 10) / 10);

type FileEntry = { path: string; size: number; md5: string; sha256: string } & ({ blob: string } | { bytes: Buffer } | { file: string });

// Pages rendered per sandbox run, and page images per IMAGES/ folder (review platforms and file
// systems slow down on folders of tens of thousands of files).
const PAGES_PER_RENDER = 8;
const IMAGES_PER_FOLDER = 1000;

const hashBytes = (bytes: Buffer) => ({ md5: createHash("md5").update(bytes).digest("hex"), sha256: createHash("sha256").update(bytes).digest("hex") });

// MD5 is what review platforms de-duplicate on; it is taken from a verified read, so a file
// whose bytes no longer match its SHA-256 stops the packaging instead of going out.
async function md5OfBlob(sha256: string): Promise<string> {
  const md5 = createHash("md5");
  for await (const chunk of await openVerified(sha256)) md5.update(chunk as Buffer);
  return md5.digest("hex");
}

// Builds a production's delivery once, right after the production commits, and stores it as a
// blob whose hashes the production log keeps: IMAGES/ (stamped PDFs and slip sheets; in an
// image production, one 300 DPI image per page, the stamped PDFs then going to PDF/), NATIVES/,
// TEXT/ (extracted text per document), DATA/<volume>.dat (Concordance), DATA/<volume>.opt
// (Opticon), DATA/loadfile.csv, DATA/manifest.json (every file's MD5 and SHA-256), MD5SUMS.txt
// and SHA256SUMS.txt. Everything comes from recorded rows, and every timestamp in it is the
// production's, so packaging the same production twice gives the same bytes. Unscoped: callers
// have authorised the production's matter.
// An image production renders every stamped page with `renderer` (the sandboxed one unless a
// caller passes another); the production job calls it, never a request.
export async function unsafePackageProduction(actor: AuditActor, productionId: string, options: { renderer?: PageRenderer } = {}): Promise<{ sha256: string; md5: string; size: number }> {
  const production = await loadProduction(productionId);
  if (production.zipSha256 && production.zipMd5) return { sha256: production.zipSha256, md5: production.zipMd5, size: Number((await db.blob.findUniqueOrThrow({ where: { sha256: production.zipSha256 } })).size) };

  const scratch = production.imageFormat ? await mkdtemp(path.join(os.tmpdir(), "proofline-images-")) : null;
  try {
    return await packageInto(actor, production, scratch, options.renderer ?? sandboxPageRenderer());
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

type Loaded = Awaited<ReturnType<typeof loadProduction>>;

function loadProduction(productionId: string) {
  return db.production.findUniqueOrThrow({
    where: { id: productionId },
    include: {
      matter: { select: { slug: true, caption: true, docketNumber: true, court: true } },
      items: {
        orderBy: { position: "asc" },
        include: {
          exhibit: { include: { blob: true, pages: { orderBy: { page: "asc" }, select: { text: true } } } },
          stamped: true,
          redactedCopy: { include: { redactions: { orderBy: { id: "asc" }, include: { createdBy: { select: { name: true } } } } } },
        },
      },
    },
  });
}

async function packageInto(actor: AuditActor, production: Loaded, scratch: string | null, renderer: PageRenderer): Promise<{ sha256: string; md5: string; size: number }> {
  const prefix = production.batesPrefix;
  let imageCount = 0;
  let colourPages = 0;
  const volume = production.volume ?? batesLabel(prefix, production.batesStart);
  const files: FileEntry[] = [];
  const families = familyRanges(production.items.map((i) => ({ id: i.exhibitId, parentId: i.exhibit.parentExhibitId, batesStart: i.batesStart, batesEnd: i.batesEnd })));
  const begOf = new Map(production.items.map((i) => [i.exhibitId, batesLabel(prefix, i.batesStart)]));
  const datRows: DatValue[][] = [];
  const csvRows: unknown[][] = [];
  const optDocs: Parameters<typeof writeOpt>[1][number][] = [];
  const manifestItems: unknown[] = [];
  const redactionRows: unknown[][] = [];

  for (const item of production.items) {
    const e = item.exhibit;
    const begin = batesLabel(prefix, item.batesStart);
    const end = batesLabel(prefix, item.batesEnd);
    const producedAs = item.producedAs ?? (item.stamped ? "PDF" : "NATIVE");
    let image: FileEntry | null = null;
    const pageImages: FileEntry[] = [];
    if (item.stamped) {
      const pages = item.batesEnd - item.batesStart + 1;
      image = { path: `${scratch ? "PDF" : "IMAGES"}/${begin}.pdf`, size: Number(item.stamped.size), sha256: item.stamped.sha256, md5: await md5OfBlob(item.stamped.sha256), blob: item.stamped.sha256 };
      files.push(image);
      if (scratch) {
        // One image per stamped page, named by its own Bates number, a thousand to a folder.
        const pdf = await readVerified(item.stamped.sha256);
        const pagePaths: string[] = [];
        for (let first = 1; first <= pages; first += PAGES_PER_RENDER) {
          const rendered = await renderer(pdf, { format: production.imageFormat!, firstPage: first, lastPage: Math.min(pages, first + PAGES_PER_RENDER - 1) });
          if (rendered.pageCount !== pages) throw new Error(`${begin}'s stamped PDF has ${rendered.pageCount} pages where the production recorded ${pages}`);
          for (const p of rendered.pages) {
            const folder = String(Math.floor(imageCount / IMAGES_PER_FOLDER) + 1).padStart(4, "0");
            const zipPath = `IMAGES/${folder}/${batesLabel(prefix, item.batesStart + p.page - 1)}.${p.ext}`;
            const bytes = Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength);
            const file = path.join(scratch, `${imageCount}.${p.ext}`);
            await writeFile(file, bytes);
            const entry: FileEntry = { path: zipPath, size: bytes.length, ...hashBytes(bytes), file };
            files.push(entry);
            pageImages.push(entry);
            pagePaths.push(zipPath);
            imageCount++;
            if (p.ext === "jpg") colourPages++;
          }
        }
        if (pagePaths.length !== pages) throw new Error(`${begin}: ${pagePaths.length} page images rendered for ${pages} pages`);
        optDocs.push({ firstPage: item.batesStart, pages, imagePath: pagePaths[0]!, pagePaths, pageLabel: (n) => batesLabel(prefix, n) });
      } else {
        optDocs.push({ firstPage: item.batesStart, pages, imagePath: image.path, pageLabel: (n) => batesLabel(prefix, n) });
      }
    }
    let native: FileEntry | null = null;
    if (producedAs === "NATIVE") {
      native = { path: nativeZipPath(begin, e.originalFilename), size: Number(e.blob.size), sha256: e.blobSha256, md5: await md5OfBlob(e.blobSha256), blob: e.blobSha256 };
      files.push(native);
    }
    // Form feeds between the exhibit's pages, as review platforms expect in page-aware text. A
    // redacted document's text is the one extracted from its redacted copy.
    const text = (item.redactedCopy ? item.redactedCopy.pageTexts : e.pages.map((p) => p.text)).join("\f");
    for (const r of item.redactedCopy?.redactions ?? []) {
      redactionRows.push([
        begin,
        end,
        exhibitLabel(e.prefix, e.number),
        r.kind === "REGION" ? "Region" : "Search term",
        REDACTION_REASON_LABELS[r.reason],
        r.occurrences,
        r.pages.map((p) => batesLabel(prefix, item.batesStart + p - 1)).join("; "),
        r.kind === "REGION" ? `x ${pt(r.x)}, y ${pt(r.y)}, ${pt(r.width)} × ${pt(r.height)} pt` : "",
        r.createdBy.name,
        r.createdAt.toISOString(),
      ]);
    }
    let textFile: FileEntry | null = null;
    if (text.trim()) {
      const bytes = Buffer.from(text, "utf8");
      textFile = { path: `TEXT/${begin}.txt`, size: bytes.length, ...hashBytes(bytes), bytes };
      files.push(textFile);
    }
    // The document's own file: the native when it went out natively, else its stamped PDF.
    const primary = native ?? image!;
    const family = families.get(e.id)!;
    const children = production.items.filter((c) => c.exhibit.parentExhibitId === e.id).length;
    datRows.push([
      begin,
      end,
      batesLabel(prefix, family.start),
      batesLabel(prefix, family.end),
      e.parentExhibitId ? (begOf.get(e.parentExhibitId) ?? "") : "",
      children,
      e.custodian,
      e.kind === "EMAIL" ? e.documentDate : null,
      e.author,
      e.recipients,
      e.title,
      e.originalFilename,
      e.originalFilename.includes(".") ? e.originalFilename.split(".").pop()!.toLowerCase() : "",
      e.kind,
      item.batesEnd - item.batesStart + 1,
      LEGENDS[item.confidentiality ?? e.confidentiality] || CONFIDENTIALITY_LABELS[item.confidentiality ?? e.confidentiality],
      item.privilege && item.privilege !== "NONE" ? PRIVILEGE_LABELS[item.privilege] : "",
      volume,
      exhibitLabel(e.prefix, e.number),
      primary.md5,
      primary.sha256,
      item.originalSha256,
      textFile ? loadFilePath(textFile.path) : "",
      native ? loadFilePath(native.path) : "",
      pageImages[0] ? loadFilePath(pageImages[0].path) : image ? loadFilePath(image.path) : "",
      item.redactedCopy ? "Y" : "",
    ]);
    csvRows.push([begin, end, exhibitLabel(e.prefix, e.number), e.title, primary.path, e.originalFilename, item.originalSha256, primary.sha256, item.batesEnd - item.batesStart + 1, e.confidentiality]);
    manifestItems.push({
      exhibit: exhibitLabel(e.prefix, e.number),
      bates: { begin, end },
      family: { begin: batesLabel(prefix, family.start), end: batesLabel(prefix, family.end) },
      producedAs,
      original: { fileName: e.originalFilename, sha256: item.originalSha256, size: Number(e.blob.size) },
      redactedCopy: item.redactedCopy ? { sha256: item.redactedCopy.redactedSha256, redactions: item.redactedCopy.redactions.length } : null,
      files: ([image, native, textFile] as (FileEntry | null)[]).filter((f): f is FileEntry => f !== null).map(({ path, size, md5, sha256 }) => ({ path, size, md5, sha256 })),
      ...(scratch ? { pageImages: pageImages.map(({ path, size, md5, sha256 }) => ({ path, size, md5, sha256 })) } : {}),
    });
  }

  const orders = { fre502dOrder: production.fre502dOrder, protectiveOrder: production.protectiveOrder };
  const data: { path: string; bytes: Buffer }[] = [
    { path: `DATA/${volume}.dat`, bytes: writeDat(DAT_HEADER, datRows) },
    { path: `DATA/${volume}.opt`, bytes: writeOpt(volume, optDocs) },
    { path: "DATA/loadfile.csv", bytes: Buffer.from(writeCsv("machine", LOAD_FILE_HEADER, csvRows)) },
  ];
  if (redactionRows.length) data.push({ path: "DATA/redaction-log.csv", bytes: Buffer.from(writeCsv("machine", REDACTION_LOG_HEADER, redactionRows)) });
  const manifest = {
    production: production.name,
    volume,
    matter: `${production.matter.caption}, ${production.matter.court}, No. ${production.matter.docketNumber}`,
    producedTo: production.producedTo,
    bates: { begin: batesLabel(prefix, production.batesStart), end: batesLabel(prefix, production.batesEnd) },
    generatedAt: production.createdAt.toISOString(),
    auditEvent: production.auditEventId === null ? null : { id: production.auditEventId.toString(), action: "production.create" },
    fre502dOrder: orders.fre502dOrder,
    protectiveOrder: orders.protectiveOrder,
    notice: { privilege: waiverWarning(orders), confidentiality: protectiveOrderNote(orders) },
    privilegeOverrideReason: production.privilegeOverrideReason,
    images: production.imageFormat
      ? `IMAGES/ holds one ${IMAGE_DPI} DPI image per produced page (${production.imageFormat === "TIFF" ? "CCITT Group IV TIFF for black-and-white pages, JPEG for pages with colour" : "JPEG"}), named by its Bates number and listed page by page in the OPT; PDF/ holds the searchable Bates-stamped PDFs.`
      : "IMAGES/ holds searchable Bates-stamped PDFs (no page images were rendered); the OPT lists each page against its document's PDF.",
    ...(production.imageFormat ? { pageImages: { format: production.imageFormat, dpi: IMAGE_DPI, count: imageCount, colourPagesAsJpeg: production.imageFormat === "TIFF" ? colourPages : imageCount } } : {}),
    loadFiles: data.map((d) => ({ path: d.path, ...hashBytes(d.bytes) })),
    items: manifestItems,
  };
  data.push({ path: "DATA/manifest.json", bytes: Buffer.from(JSON.stringify(manifest, null, 2)) });
  const listed = [...files, ...data.map((d) => ({ path: d.path, size: d.bytes.length, ...hashBytes(d.bytes), bytes: d.bytes }))];
  const sums = (pick: "md5" | "sha256") => Buffer.from(listed.map((f) => `${f[pick]}  ${f.path}\n`).join(""));

  const zip = new yazl.ZipFile();
  const mtime = production.createdAt;
  for (const file of [...files, ...data.map((d) => ({ ...d, size: d.bytes.length }))]) {
    if ("bytes" in file) zip.addBuffer(file.bytes, file.path, { mtime });
    else if ("file" in file) zip.addFile(file.file, file.path, { mtime });
    // Opened one at a time as the zip reaches them: a large production holds one file open.
    else zip.addReadStreamLazy(file.path, { mtime, size: file.size }, (callback) => openVerified(file.blob).then((s) => callback(null, s), (error: Error) => callback(error, null as never)));
  }
  zip.addBuffer(sums("md5"), "MD5SUMS.txt", { mtime });
  zip.addBuffer(sums("sha256"), "SHA256SUMS.txt", { mtime });
  zip.end();

  const md5 = createHash("md5");
  const failed = new Promise<never>((_, reject) => zip.on("error", reject));
  async function* tapped() {
    for await (const chunk of zip.outputStream) {
      md5.update(chunk as Buffer);
      yield chunk as Uint8Array;
    }
  }
  const stored = await Promise.race([(await blobStore()).put(tapped()), failed]);
  const zipMd5 = md5.digest("hex");

  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "Blob" (sha256, size, "mediaType", "storageKey") VALUES (${stored.sha256}, ${BigInt(stored.size)}, 'application/zip', ${stored.storageKey})
      ON CONFLICT (sha256) DO NOTHING`;
    const packaged = await tx.production.updateMany({ where: { id: production.id, zipSha256: null }, data: { zipSha256: stored.sha256, zipMd5, packagedAt: new Date(), packagingError: null } });
    if (packaged.count === 1) {
      await appendAudit(tx, actor, {
        matterId: production.matterId,
        action: "production.package",
        entityId: production.id,
        details: { volume, files: listed.length + 2, sha256: stored.sha256, md5: zipMd5, size: stored.size },
      });
    }
  });
  return { sha256: stored.sha256, md5: zipMd5, size: stored.size };
}

// Writes public/og-settlement.png, the social-preview image of the settlement websites (1200×630),
// from an SVG drawn here. Run: npx tsx scripts/generate-og-image.ts
import sharp from "sharp";

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#f6f7f9"/>
  <rect x="0" y="0" width="1200" height="16" fill="#1e3a5f"/>
  <rect x="80" y="120" width="120" height="120" rx="24" fill="#1e3a5f"/>
  <path d="M114 146h34a22 22 0 0 1 0 44h-18v22h-16z" fill="#fff"/>
  <path d="M130 160v16h16a8 8 0 0 0 0-16z" fill="#1e3a5f"/>
  <text x="80" y="340" font-family="DejaVu Sans, Arial, sans-serif" font-size="64" font-weight="700" fill="#111827">Settlement website</text>
  <text x="80" y="410" font-family="DejaVu Sans, Arial, sans-serif" font-size="36" fill="#374151">Key dates · Notice · Court documents · File a claim</text>
  <text x="80" y="460" font-family="DejaVu Sans, Arial, sans-serif" font-size="36" fill="#374151">Fechas clave · Aviso · Documentos · Presentar un reclamo</text>
  <text x="80" y="560" font-family="DejaVu Sans, Arial, sans-serif" font-size="28" fill="#6b7280">Proofline</text>
</svg>`;

await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile("public/og-settlement.png");
console.log("wrote public/og-settlement.png");

import fs from "node:fs";

// Playwright's own browser download cannot work offline; Debian's chromium does. Order:
// CHROMIUM_PATH, /usr/bin/chromium, then a browser Playwright installed itself.
export async function findChromium(): Promise<string | null> {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    // no Playwright browser either
  }
  return null;
}

export const CHROMIUM_HINT =
  "No Chromium found: install it with `apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

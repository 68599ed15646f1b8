import "server-only";

const TWO_GIB = 2 * 1024 * 1024 * 1024;

// Per-file upload limit; EXHIBIT_MAX_BYTES lowers it (tests, small deployments).
export function exhibitMaxBytes(): number {
  const configured = Number(process.env.EXHIBIT_MAX_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : TWO_GIB;
}

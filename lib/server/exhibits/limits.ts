import "server-only";
import { env } from "@/lib/server/env";

// Per-file upload limit (EXHIBIT_MAX_BYTES, validated with the rest of the configuration).
export function exhibitMaxBytes(): number {
  return env.EXHIBIT_MAX_BYTES;
}

import "server-only";
import { cache } from "react";
import { getSettlementSite } from "@/lib/server/settlement-site/get-settlement-site";
import { loadOr404 } from "@/lib/server/page-guard";

// One read per request for a settlement website's layout, page and metadata.
export const loadSiteForPage = cache((slug: string) => loadOr404(() => getSettlementSite(slug)));

import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/server/env";
import { publicRoute } from "@/lib/server/http/route";

// GET: the API's OpenAPI 3.1 description (public: it describes, it reveals no data).
export const GET = publicRoute(async () => Response.json(openApiDocument(env.APP_URL ?? "/"), { headers: { "Cache-Control": "public, max-age=300" } }));

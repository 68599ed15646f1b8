# The one image for every Proofline process in compose.yaml: web instances
# (`tsx scripts/web-server.ts`), workers (`npm run worker`) and the release step (`npm run db:migrate`).
# Build: docker build -t proofline .

# ── build: dependencies, Prisma client, `next build` ──
FROM node:20-bookworm AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# The postinstall step generates the Prisma client, which needs the schema and its config.
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prisma-schema-engine.mjs ./scripts/
RUN npm ci
COPY . .
RUN npm run build \
 # Runtime needs tsx, next and the app's dependencies, not the test and lint tools.
 && npm prune --omit=dev \
 && rm -rf .next/cache

# ── runtime ──
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build --chown=node:node /app /app
# Writable by the app's user: the local mailbox and audit heads when not configured elsewhere.
RUN mkdir -p /app/.data /var/lib/proofline/audit-heads && chown -R node:node /app/.data /var/lib/proofline
USER node
EXPOSE 3000
CMD ["npx", "tsx", "--conditions=react-server", "scripts/web-server.ts"]

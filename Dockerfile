# syntax=docker/dockerfile:1
# Almanac in a container: docs/OPERATIONS.md, "Deploying", says how to run it.
#
#   docker build -t almanac .
#   docker run -d --name almanac --env-file .env -v almanac-data:/data \
#     --restart on-failure:10 -p 127.0.0.1:9464:9464 almanac
#
# Pin the base image by digest (node:20-bookworm-slim@sha256:…) for builds you can repeat.

# ---- build: every dependency, the native better-sqlite3 build, the build step --------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary when one fits and compiles from source when none
# does: the compiler stays in this stage.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts \
  && npm rebuild better-sqlite3 esbuild
COPY . .
# The project's build step, when it has one (bundling into dist/); none is needed to run.
RUN npm run build --if-present \
  && npm prune --omit=dev \
  && rm -rf test docs

# ---- runtime: production dependencies only, no compiler, not root --------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/almanac.sqlite \
    KNOWLEDGE_DIR=/app/knowledge \
    HEALTH_PORT=9464 \
    HEALTH_HOST=0.0.0.0 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY --from=build /app /app
# The database folder belongs to the unprivileged user the bot runs as.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
# /healthz and /metrics; published only where `docker run -p` says (127.0.0.1 above).
EXPOSE 9464
# No curl in the slim image: Node's own fetch asks /healthz (200 ready, 503 not).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HEALTH_PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# The command `npm start` runs (keep them the same); the sharded bot: dist/shard.js instead.
CMD ["node", "--max-semi-space-size=2", "dist/main.js"]

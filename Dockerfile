# chibo: build with the compiler, run with production dependencies only, as a non-root user.
# docker build -t chibo . && docker run --env-file .env -v chibo-data:/data -p 127.0.0.1:8080:8080 chibo

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.js scripts/build.js
COPY src src
COPY migrations migrations
RUN npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY bin bin
COPY locales locales
COPY templates templates
# The empty cluster a new embedded database folder starts from.
COPY assets assets
# The embedded database folder (used when DATABASE_URL is unset) and its admin socket; owner-only.
RUN mkdir -m 700 /data /backups && chown node:node /data /backups
USER node
VOLUME ["/data"]
EXPOSE 8080
# /healthz answers while the process lives; /readyz (database, migrations, channels) is for this machine or METRICS_TOKEN.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "bin/chibo.js", "start"]

# upskill as a container (docs/operations.md): the compiled server and the built web app on Node 24
# LTS, run as the image's non-root `node` user, with a health check on the readiness endpoint.
# Build:  docker build -t upskill .        Run with PostgreSQL: docker compose up -d
# The build stage compiles (npm run build, the web app); the final stage holds production packages only.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY web ./web
RUN node scripts/build.mjs && node scripts/ensure-web-build.mjs --force

FROM node:24-bookworm-slim
# The PDF reports need a CJK font; backup/restore of PostgreSQL needs its client tools.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk postgresql-client \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    UPSKILL_DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
RUN mkdir -p /data /backups && chown node:node /data /backups
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--max-semi-space-size=32", "bin/upskill.js", "serve"]

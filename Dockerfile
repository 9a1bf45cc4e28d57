# One image for every app of TenderLedger; the app to run is chosen with APP (docker-compose.yml
# sets it per service): platform, gateway, registry, tendering, bidding, evaluation, award,
# projector, relay, cli. Built with swc (scripts/build.cjs), run with plain node.
#
#   docker build -t tenderledger .
#   docker run -e APP=platform -p 3000:3000 tenderledger
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY .swcrc tsconfig.json nest-cli.json ./
COPY scripts ./scripts
COPY apps ./apps
COPY libs ./libs
COPY bench ./bench
RUN node scripts/build.cjs && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production APP=platform
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Static assets that are not compiled (the web UI, when present).
COPY --from=build /app/apps ./apps
USER node
CMD ["sh", "-c", "exec node dist/apps/$APP/src/main.js"]

# One minimal image recipe for each of the three apps (they differ only in name and port), built
# from the monorepo root:
#   docker build --build-arg APP=order-producer --build-arg PORT=3001 .
#   docker build --build-arg APP=status-worker  --build-arg PORT=3002 .
#   docker build --build-arg APP=notifier       --build-arg PORT=3003 .
# Not built or run in this repository's CI (no Docker engine on the build machines); kept minimal.
# Stage 1 prunes the monorepo to the app and its workspace dependencies (turbo prune),
# stage 2 installs and builds that subset and makes a self-contained folder (pnpm deploy),
# stage 3 runs it with node alone.
ARG APP=order-producer
ARG PORT=3001

FROM node:24-slim AS prune
ARG APP
WORKDIR /repo
RUN corepack enable
COPY . .
RUN pnpm dlx turbo@2 prune @order-service/${APP} --docker

FROM node:24-slim AS build
ARG APP
WORKDIR /repo
RUN corepack enable
COPY --from=prune /repo/out/json/ .
RUN pnpm install --frozen-lockfile
COPY --from=prune /repo/out/full/ .
RUN pnpm turbo run build --filter=@order-service/${APP}... \
 && pnpm --filter @order-service/${APP} deploy --prod /app

FROM node:24-slim
ARG PORT
ENV NODE_ENV=production PORT=${PORT} DATA_DIR=/data
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE ${PORT}
VOLUME ["/data"]
# kafkajs 2.2.4 triggers a harmless TimeoutNegativeWarning on Node 24 (tulios/kafkajs#1751).
CMD ["node", "--disable-warning=TimeoutNegativeWarning", "dist/main.js"]

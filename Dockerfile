# syntax=docker/dockerfile:1

# Build stage: compile TypeScript with the dev dependencies, then drop them.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# The app's own dependencies (Probot, ioredis, prom-client, pino) are the workspace packages/app:
# the specgate CLI package does not carry them.
COPY package.json package-lock.json ./
COPY packages/app/package.json ./packages/app/
RUN npm install --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: production dependencies and compiled code only, as the unprivileged node user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --chown=node:node package.json ./
COPY --chown=node:node packages/app/package.json ./packages/app/
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/build ./build
COPY --chown=node:node templates ./templates
COPY --chown=node:node app.yml ./
USER node
EXPOSE 3000
# GET /ping answers PONG once the app accepts deliveries, and 503 while it starts or drains.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1, so `docker stop`'s SIGTERM reaches the app (npm does not forward signals):
# deliveries in flight finish within SPECGATE_SHUTDOWN_TIMEOUT_MS (20 s; give `docker stop -t 30`,
# or a Kubernetes grace period, a little more), or give their claims back for redelivery.
STOPSIGNAL SIGTERM
CMD ["node", "build/app/main.js"]

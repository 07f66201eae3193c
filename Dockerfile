# syntax=docker/dockerfile:1
# Rehearse images, one multi-stage build (docs/decisions/009-operations.md):
#   docker build --target web     -t rehearse-web .      # Next.js behind scripts/serve.ts on :3000
#   docker build --target worker  -t rehearse-worker .   # grading worker: claims jobs, records grades
#   docker build --target runner  -t rehearse-runner .   # runs candidate code: bubblewrap, no secrets
#   docker build --target migrate -t rehearse-migrate .  # migrations + seed, run once per release
# All run as the unprivileged `node` user (uid 1000) against a PostgreSQL in DATABASE_URL; none
# starts the embedded Postgres. tests/integration/ops/deploy-manifests.test.ts checks that every
# path this file copies or runs exists in the repository.
ARG NODE_IMAGE=node:22-bookworm-slim

# Dependencies, with the generated Prisma client (postinstall). Dev dependencies stay: the worker
# and the migration job run TypeScript through tsx.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/prisma-generate.mjs
RUN npm ci --no-audit --no-fund

# The app built once; every runtime image starts from here.
FROM deps AS build
COPY next.config.ts postcss.config.mjs tsconfig.json ./
COPY src ./src
COPY seeds ./seeds
COPY scripts ./scripts
RUN npm run build && rm -rf .next/cache

FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 LOG_FORMAT=json
COPY --from=build --chown=root:root /app /app
USER node

FROM app AS web
ENV PORT=3000 HOSTNAME=0.0.0.0
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Not plain `next start`: serve.ts writes the socket's peer address into the header sign-in
# throttling trusts (without it every sign-in shares one address counter), holds reads at the
# admission gate (decision 022) and serves anonymous pages from the page cache (decision 017).
CMD ["node", "--import", "tsx", "scripts/serve.ts"]

FROM app AS migrate
CMD ["sh", "-c", "node --import tsx scripts/migrate.ts && node --import tsx scripts/seed.ts"]

# The worker claims jobs and records grades; it grades written answers itself and sends code
# answers to a runner (RUNNER_URL, RUNNER_TOKEN_FILE): no sandbox tools here.
FROM app AS worker
ENV WORKER_METRICS_PORT=9464
EXPOSE 9464
CMD ["node", "--import", "tsx", "scripts/worker.ts"]

# The Bash jails' C helpers (jail launcher and scenario starter, compile-native-helper.ts), compiled
# here so the runner image needs no compiler: its grading processes find them in their cache folder.
FROM build AS native
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev \
 && rm -rf /var/lib/apt/lists/*
RUN node --import tsx scripts/build-native-helpers.ts

# The runner runs candidate code in bubblewrap: it needs bwrap, the interpreters the harnesses run
# (bash, python3, and python3-yaml for configuration answers), util-linux (prlimit, setpriv) and
# shellcheck for advice. bwrap is not setuid here; it uses unprivileged user namespaces, which the pod's securityContext must allow
# (deploy/k8s/base/runner-deployment.yaml says what and why). Give it no secret but its token.
FROM app AS runner
USER root
RUN apt-get update \
 && apt-get install -y --no-install-recommends bubblewrap python3 python3-yaml util-linux shellcheck \
 && rm -rf /var/lib/apt/lists/*
COPY --from=native --chown=node:node /root/.cache/rehearse /home/node/.cache/rehearse
USER node
ENV RUNNER_URL=tcp://0.0.0.0:7070
EXPOSE 7070
CMD ["node", "--import", "tsx", "scripts/runner.ts"]

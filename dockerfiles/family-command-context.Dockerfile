# Scenario family command-context (scenarios/families/command-context.yaml): a Go service built here with
# Debian's Go 1.19 (the same first step as the exit-status-theft image's, so the layer is shared).
ARG BASE_IMAGE
ARG FIXTURES_IMAGE
FROM ${BASE_IMAGE} AS go-build
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends golang-go >/dev/null
WORKDIR /src/ctxjob
COPY fixtures/families/command-context/ ./
RUN CGO_ENABLED=0 go build -o /out/ctxjob .

FROM ${FIXTURES_IMAGE}
COPY --from=go-build /out/ctxjob /opt/zombielab/families/

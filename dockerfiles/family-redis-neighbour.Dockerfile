# Scenario family redis-neighbour (scenarios/families/redis-neighbour.yaml): the story's supervisor
# (fixtures/supervisor-go, its code unchanged) built with a Redis Pub/Sub subscriber compiled in
# (fixtures/families/redis-neighbour/pubsub.go), and Debian's redis-server beside it in the same container:
# the neighbour that shares the story's host memory. The Go step is the other Go families' first step (shared layer).
ARG BASE_IMAGE
ARG FIXTURES_IMAGE
FROM ${BASE_IMAGE} AS go-build
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends golang-go >/dev/null
WORKDIR /src/supervisor-redis
COPY fixtures/supervisor-go/ ./
COPY fixtures/families/redis-neighbour/pubsub.go ./
RUN CGO_ENABLED=0 go build -o /out/supervisor-redis .

FROM ${FIXTURES_IMAGE}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null \
 && rm -rf /var/lib/apt/lists/*
COPY --from=go-build /out/supervisor-redis /opt/zombielab/families/
COPY fixtures/families/redis-neighbour/neighbour.sh /opt/zombielab/families/

# Scenario family exit-status-theft (scenarios/families/exit-status-theft.yaml): a Go service with
# go-reaper's reaping goroutine, built here with Debian's Go as the fixtures' supervisor is, and a JVM
# service whose reaper thread calls waitpid through JNA.
ARG BASE_IMAGE
ARG FIXTURES_IMAGE
FROM ${BASE_IMAGE} AS go-build
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends golang-go >/dev/null
WORKDIR /src/theft-go
COPY fixtures/families/exit-status-theft/go/ ./
RUN CGO_ENABLED=0 go build -o /out/theft-go .

FROM ${FIXTURES_IMAGE}
COPY fixtures/families/exit-status-theft/java/ /opt/zombielab/families/src/
RUN mkdir -p /opt/zombielab/families/java \
 && javac -d /opt/zombielab/families/java -cp /usr/share/java/jna.jar /opt/zombielab/families/src/Theft.java
COPY --from=go-build /out/theft-go /opt/zombielab/families/

# zombielab's fixtures on top of the base image: the workloads and the supervisors.
# Reaper variants (reaper-*.Dockerfile) are built FROM this image and only change what runs as PID 1.
ARG BASE_IMAGE

# The Go supervisor is built here, with Debian's Go, so the host needs no Go toolchain.
FROM ${BASE_IMAGE} AS go-build
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends golang-go >/dev/null
WORKDIR /src/supervisor-go
COPY fixtures/supervisor-go/ ./
RUN CGO_ENABLED=0 go build -o /out/supervisor-go .

# The real workload, fixtures/next-app: installed from its lockfile and built once. The dependencies are
# a layer of their own, keyed by the lockfile, so editing a page rebuilds the app but reinstalls nothing.
FROM ${BASE_IMAGE} AS next-build
ENV NEXT_TELEMETRY_DISABLED=1 NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_LOGLEVEL=warn
WORKDIR /src/next-app
COPY fixtures/next-app/package.json fixtures/next-app/package-lock.json ./
# The certificate authorities the host trusts (ImageCatalog adds them to the build context): a machine
# whose way to the registry re-signs TLS needs them. Used by this build stage only.
COPY host-ca.crt /etc/zombielab/host-ca.crt
RUN NODE_EXTRA_CA_CERTS=/etc/zombielab/host-ca.crt npm ci
COPY fixtures/next-app/ ./
RUN npm run build >/dev/null && rm -rf .next/cache

FROM ${BASE_IMAGE}
# The Java supervisor and the Java reaper (JNA for waitpid and kill). Installed before any fixture is
# copied, so that editing a fixture never reinstalls the JDK.
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      openjdk-17-jdk-headless libjna-java >/dev/null && rm -rf /var/lib/apt/lists/*
# npm must not look for updates or funding messages: the scenarios are offline and deterministic.
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_LOGLEVEL=warn \
    NEXT_TELEMETRY_DISABLED=1
COPY --from=next-build /src/next-app/ /opt/zombielab/workloads/next-app/
COPY fixtures/chain/ /opt/zombielab/workloads/chain/
COPY --from=go-build /out/supervisor-go /opt/zombielab/bin/
COPY fixtures/supervisor-java/ /opt/zombielab/src/supervisor-java/
COPY fixtures/reaper-java/ /opt/zombielab/src/reaper-java/
RUN javac -d /opt/zombielab/java -cp /usr/share/java/jna.jar \
      /opt/zombielab/src/supervisor-java/Supervisor.java /opt/zombielab/src/reaper-java/Reaper.java \
 && cp /opt/zombielab/src/supervisor-java/supervisor-java /opt/zombielab/src/reaper-java/reaper-java /opt/zombielab/bin/
RUN chmod 0755 /opt/zombielab/bin/* && chmod -R a-w /opt/zombielab
EXPOSE 7070
CMD ["/opt/zombielab/bin/supervisor-go"]

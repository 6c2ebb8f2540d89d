# Reaper "catatonit": podman's init as PID 1.
ARG FIXTURES_IMAGE
FROM ${FIXTURES_IMAGE}
ENTRYPOINT ["/usr/bin/catatonit", "--"]

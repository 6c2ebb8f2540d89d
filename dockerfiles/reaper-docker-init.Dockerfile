# Reaper "docker-init": the image is the same as "none"; the engine injects its own init as PID 1
# (HostConfig.Init, i.e. `docker run --init`), which the harness sets when it creates the container.
ARG FIXTURES_IMAGE
FROM ${FIXTURES_IMAGE}
ENTRYPOINT []

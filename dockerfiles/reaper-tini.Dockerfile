# Reaper "tini": Tini as PID 1 in the image, the story's final fix:
#   ENTRYPOINT ["/usr/bin/tini", "--"]
ARG FIXTURES_IMAGE
FROM ${FIXTURES_IMAGE}
ENTRYPOINT ["/usr/bin/tini", "--"]

# Reaper "tini-group": Tini as PID 1 with -g, so the signals it forwards reach the child's whole
# process group, not the child alone.
ARG FIXTURES_IMAGE
FROM ${FIXTURES_IMAGE}
ENTRYPOINT ["/usr/bin/tini", "-g", "--"]

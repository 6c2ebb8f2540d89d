# Reaper "dumb-init": Yelp's init as PID 1. By default it puts the child in a new session and forwards
# signals to that whole process group.
ARG FIXTURES_IMAGE
FROM ${FIXTURES_IMAGE}
ENTRYPOINT ["/usr/bin/dumb-init", "--"]

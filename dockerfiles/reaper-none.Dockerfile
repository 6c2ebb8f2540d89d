# Reaper "none": the supervisor itself is PID 1, as in the story's first two stages.
ARG FIXTURES_IMAGE
FROM ${FIXTURES_IMAGE}
ENTRYPOINT []

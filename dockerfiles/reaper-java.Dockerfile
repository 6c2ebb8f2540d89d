# Reaper "java": fixtures/reaper-java, an init written in Java, as PID 1. It reaps adopted orphans by pid
# and never waitpid(-1), so the JDK keeps the exit status of its own child.
ARG FIXTURES_IMAGE
FROM ${FIXTURES_IMAGE}
ENTRYPOINT ["/opt/zombielab/bin/reaper-java", "--"]

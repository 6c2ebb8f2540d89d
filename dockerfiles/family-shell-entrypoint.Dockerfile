# Scenario family shell-entrypoint (scenarios/families/shell-entrypoint.yaml): its fixtures on top of zombielab's fixtures image.
ARG FIXTURES_IMAGE
FROM ${FIXTURES_IMAGE}
COPY fixtures/families/shell-entrypoint/ /opt/zombielab/families/
RUN chmod 0755 /opt/zombielab/families/entrypoint.sh

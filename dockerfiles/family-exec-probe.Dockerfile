# Scenario family exec-probe (scenarios/families/exec-probe.yaml): its fixtures on top of zombielab's fixtures image.
ARG FIXTURES_IMAGE
FROM ${FIXTURES_IMAGE}
COPY fixtures/families/exec-probe/ /opt/zombielab/families/

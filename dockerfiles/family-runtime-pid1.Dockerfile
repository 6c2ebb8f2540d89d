# Scenario family runtime-pid1 (scenarios/families/runtime-pid1.yaml): its fixtures on top of zombielab's fixtures image.
ARG FIXTURES_IMAGE
FROM ${FIXTURES_IMAGE}
COPY fixtures/families/runtime-pid1/ /opt/zombielab/families/
RUN mkdir -p /opt/zombielab/families/java && javac -d /opt/zombielab/families/java /opt/zombielab/families/Jobs.java

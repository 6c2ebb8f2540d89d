# Scenario family headless-chromium (scenarios/families/headless-chromium.yaml): Debian's chromium and
# puppeteer-core from its lockfile, FROM the base image (node and tini are in it; nothing of the fixtures
# image is needed, so a change there does not reinstall Chromium).
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null \
 && rm -rf /var/lib/apt/lists/*
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_LOGLEVEL=warn \
    PUPPETEER_SKIP_DOWNLOAD=1
WORKDIR /opt/zombielab/families
COPY fixtures/families/headless-chromium/package.json fixtures/families/headless-chromium/package-lock.json ./
# The certificate authorities the host trusts (ImageCatalog adds them to the build context), for npm only.
COPY host-ca.crt /etc/zombielab/host-ca.crt
RUN NODE_EXTRA_CA_CERTS=/etc/zombielab/host-ca.crt npm ci --omit=dev
COPY fixtures/families/headless-chromium/ ./

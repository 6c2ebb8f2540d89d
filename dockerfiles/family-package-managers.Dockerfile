# Scenario family package-managers (scenarios/families/package-managers.yaml): the package managers users
# start their apps with, pinned and installed from the npm registry here, each in a prefix of its own, on
# the base image's Node (Debian's nodejs). Debian's own npm (9.2.0, from the base image) stays /usr/bin/npm.
#   npm 9.6.6   the last before npm/cli#6547's range (it says: npm >= 9.6.7 does not pass signals)
#   npm 9.6.7   the first in it (@npmcli/run-script 6.0.2 stopped forwarding, npm/run-script#142)
#   npm 10.2.5  the last in it (no 9.x release got the fix)
#   npm 10.3.0  the first after the fix (@npmcli/run-script 7.0.3, npm/run-script#188 reverted #142)
#   yarn 1.22.22 (classic, yarnpkg/yarn#4667), pnpm 5.2.6 (pnpm/pnpm#2653's) and pnpm 10.34.8 (pnpm 10
#   runs on Node 18; pnpm 11 needs Node 22.13)
ARG BASE_IMAGE
ARG FIXTURES_IMAGE
FROM ${BASE_IMAGE} AS package-managers
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_LOGLEVEL=warn
# The certificate authorities the host trusts (ImageCatalog adds them to the build context): a machine
# whose way to the registry re-signs TLS needs them. Used by this build stage only.
COPY host-ca.crt /etc/zombielab/host-ca.crt
RUN export NODE_EXTRA_CA_CERTS=/etc/zombielab/host-ca.crt \
 && for pm in npm@9.6.6 npm@9.6.7 npm@10.2.5 npm@10.3.0 yarn@1.22.22 pnpm@5.2.6 pnpm@10.34.8; do \
      npm install -g --prefix "/opt/zombielab/pm/${pm%@*}-${pm#*@}" "$pm" >/dev/null || exit 1; \
    done \
 && rm -rf /root/.npm

FROM ${FIXTURES_IMAGE}
COPY --from=package-managers /opt/zombielab/pm/ /opt/zombielab/pm/
# The root file system is read-only in the cells: the package managers' caches and logs go to /tmp.
ENV HOME=/tmp NPM_CONFIG_CACHE=/tmp/.npm YARN_CACHE_FOLDER=/tmp/.yarn-cache \
    NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY fixtures/families/package-managers/ /opt/zombielab/families/

# Keycloak 26.4.5 with the Kehou login theme and realm, built for PostgreSQL (`kc.sh build`), started
# by deployment/kubernetes/base/keycloak.yaml with `start --optimized --import-realm`.
# Build context: the repository root:
#   docker build -f deployment/container/keycloak.Dockerfile --build-arg KEYCLOAK_IMAGE=<the official Keycloak 26.4.5 image, from your mirror> -t kehou/kehou-keycloak:26.4.5-kehou.1 .
# The realm file is the local one: before the first production import remove the demo users and the
# kehou-test-* clients and set the kehou-api secret (deployment/README.md, "Keycloak").
ARG KEYCLOAK_IMAGE
FROM ${KEYCLOAK_IMAGE} AS builder
ENV KC_DB=postgres KC_HEALTH_ENABLED=true KC_METRICS_ENABLED=true
COPY deployment/embedded/src/main/resources/keycloak/themes/kehou /opt/keycloak/themes/kehou
RUN /opt/keycloak/bin/kc.sh build

FROM ${KEYCLOAK_IMAGE}
COPY --from=builder /opt/keycloak/ /opt/keycloak/
COPY deployment/embedded/src/main/resources/keycloak/kehou-realm.json /opt/keycloak/data/import/kehou-realm.json
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]

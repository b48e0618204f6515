# The Kehou server image: the Quarkus fast-jar exactly as `./mvnw package` leaves it in
# platform-core/server/target/quarkus-app/ — the same files LauncherTest and the scale-out test run.
# Build context: the repository root, after `./mvnw package -DskipTests`:
#   docker build -f deployment/container/server.Dockerfile --build-arg JAVA_IMAGE=<your JRE 17 image> -t kehou/kehou-server:<version> .
# JAVA_IMAGE: any Java 17 runtime image from the registry your cluster pulls from (e.g. a Temurin or
# UBI OpenJDK 17 runtime); the server needs nothing else from it.
ARG JAVA_IMAGE
FROM ${JAVA_IMAGE}
# Four layers, least to most often changed, so an upgrade ships only the application layer.
COPY --chown=185 platform-core/server/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 platform-core/server/target/quarkus-app/quarkus-run.jar /deployments/
COPY --chown=185 platform-core/server/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 platform-core/server/target/quarkus-app/quarkus/ /deployments/quarkus/
USER 185
WORKDIR /deployments
EXPOSE 8080
ENV LANG=C.UTF-8 \
    KEHOU_PLUGINS_DIR=/deployments/plugins \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Djava.io.tmpdir=/tmp"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]

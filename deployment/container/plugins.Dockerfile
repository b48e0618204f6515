# The regional plugins, versioned apart from the server: the server's init container copies /plugins/*.jar
# into the directory the server loads (deployment/kubernetes/base/server.yaml).
# Build context: the repository root, after `./mvnw package -DskipTests`:
#   docker build -f deployment/container/plugins.Dockerfile --build-arg BASE_IMAGE=<a small image with sh and cp> -t kehou/kehou-plugins:<version> .
# Adding a region: add its COPY line (its jar is plugins/<region-id>/target/<region-id>-<version>.jar).
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
COPY plugins/guangdong-yangjiang/target/guangdong-yangjiang-*.jar /plugins/
COPY plugins/chongqing-jiangbei/target/chongqing-jiangbei-*.jar /plugins/
COPY plugins/henan/target/henan-*.jar /plugins/
COPY plugins/jiangxi/target/jiangxi-*.jar /plugins/
COPY plugins/xinjiang-urumqi/target/xinjiang-urumqi-*.jar /plugins/
USER 185

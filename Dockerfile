# The bridge as a container: the built jar and target/lib, with the route files, application.properties and .env
# mountable at /opt/bridge. Build after `mvn -B package -DskipTests`: `docker build -t odoo-plc-bridge .`
# (This recipe is not built in CI: no image registry is reachable there. DockerfileIT checks what it can.)
FROM eclipse-temurin:17-jre

RUN groupadd --system bridge && useradd --system --gid bridge --home-dir /opt/bridge --no-create-home bridge
WORKDIR /opt/bridge

COPY target/lib/ lib/
COPY target/odoo-plc-bridge.jar odoo-plc-bridge.jar
COPY bin/odoo-plc-bridge bin/odoo-plc-bridge
COPY application.properties application.properties
COPY routes/ routes/
# data/: the embedded PostgreSQL's directory when DATABASE_URL is unset (mount a volume to keep it).
# cds/: the launcher's class data sharing archive, written when the container first stops, used by later starts.
RUN mkdir data cds && chown bridge:bridge data cds

USER bridge
# Reachable through published ports; the health check itself asks on loopback.
ENV HTTP_HOST=0.0.0.0 MANAGEMENT_HOST=0.0.0.0 BRIDGE_CDS_DIR=/opt/bridge/cds
EXPOSE 8080 8081
# No curl in the image: bash's /dev/tcp asks /observe/health and wants HTTP 200 (DOWN answers 503).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_PORT:-8081} && printf 'GET /observe/health HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# The launcher's JVM options for a small long-running service (see bin/odoo-plc-bridge); JAVA_OPTS replaces them.
CMD ["bin/odoo-plc-bridge"]

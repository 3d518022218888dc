FROM eclipse-temurin:17-jre
# xgboost4j's native library needs the GNU OpenMP runtime (libgomp.so.1), which the JRE image lacks; curl is the
# compose health check's client
RUN apt-get update && apt-get install -y --no-install-recommends libgomp1 curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 loanflow
WORKDIR /app
# the platform seal's and the sandbox TSA's keystores are created here on first start (a named volume in compose):
# writable by whichever uid the container runs as (LOANFLOW_UID), sticky like /tmp; the keystores are password-sealed
RUN mkdir -p /app/data && chmod 1777 /app/data
COPY web/target/web-*.jar /app/platform.jar
USER loanflow
EXPOSE 8443 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/platform.jar"]

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 loanflow
WORKDIR /app
COPY workers/target/workers-*-exec.jar /app/workers.jar
USER loanflow
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/workers.jar"]

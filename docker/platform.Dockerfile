FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 loanflow
WORKDIR /app
COPY web/target/web-*.jar /app/platform.jar
USER loanflow
EXPOSE 8443 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/platform.jar"]

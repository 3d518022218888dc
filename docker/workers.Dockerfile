FROM eclipse-temurin:17-jre
# the OCR worker reads ID cards with Tesseract (simplified Chinese)
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-chi-sim \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 loanflow
WORKDIR /app
COPY workers/target/workers-*-exec.jar /app/workers.jar
USER loanflow
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/workers.jar"]

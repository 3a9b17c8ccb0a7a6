# Chỉ tiêu — production image. Build: docker build -t chitieu .
# The image talks to its own PostgreSQL (see docker-compose.yml); the embedded database is
# not used when SPRING_DATASOURCE_URL is set.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -P '!embedded-postgres-binaries'
COPY src src
RUN ./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true -P '!embedded-postgres-binaries' \
    && cp target/chitieu-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
# wget for docker-compose's healthcheck (the readiness URL on the management port).
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
RUN groupadd --system chitieu && useradd --system --gid chitieu --home /app chitieu
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
# The backups the application writes (CHITIEU_BACKUP_DIR); docker-compose.yml mounts a volume here.
RUN mkdir -p /app/backups && chown chitieu:chitieu /app/backups
USER chitieu
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=Asia/Ho_Chi_Minh"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

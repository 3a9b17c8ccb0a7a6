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

# Java 25 at run time for its AOT cache (deploy/start.sh); the code is built for Java 17 and runs
# on 17 to 25.
FROM eclipse-temurin:25-jre
# wget for docker-compose's healthcheck (the readiness URL on the management port).
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
RUN groupadd --system chitieu && useradd --system --gid chitieu --home /app chitieu
WORKDIR /app
# The application in extracted form (what the start-up cache needs), owned by the application's
# user so that deploy/start.sh can write the cache beside it on the first start.
COPY --from=build /src/app.jar /tmp/app.jar
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app/application && rm /tmp/app.jar \
    && chown -R chitieu:chitieu /app/application
COPY --chmod=755 deploy/start.sh /app/start.sh
# The backups the application writes (CHITIEU_BACKUP_DIR); docker-compose.yml mounts a volume here.
RUN mkdir -p /app/backups && chown chitieu:chitieu /app/backups
USER chitieu
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=Asia/Ho_Chi_Minh"
# The first start of a new image makes a training run for the start-up cache, then starts;
# later starts use the cache (deploy/start.sh, docs/benchmarks.md).
ENTRYPOINT ["/app/start.sh", "/app/application"]

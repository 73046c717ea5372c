# Build: docker compose build   (or: docker build -t tlswatch .)
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY db db
COPY frontend frontend
RUN ./mvnw -B -ntp -q package -DskipTests && cp target/tlswatch-*.jar /tlswatch.jar

FROM eclipse-temurin:21-jre
RUN useradd --system --home /var/lib/tlswatch --create-home tlswatch
USER tlswatch
WORKDIR /var/lib/tlswatch
COPY --from=build /tlswatch.jar /opt/tlswatch/tlswatch.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/tlswatch/tlswatch.jar"]

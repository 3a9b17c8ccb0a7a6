package vn.chitieu.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server started when no
 * {@code spring.datasource.url} is configured.
 *
 * @param enabled whether to start it at all (tests switch it off)
 * @param dataDirectory where PostgreSQL keeps its files; they survive restarts
 * @param port the TCP port it listens on (on localhost only), so that {@code psql} can
 * reach it
 * @param database the database the application uses inside that server
 */
@ConfigurationProperties("chitieu.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("./data/postgres") Path dataDirectory, @DefaultValue("54329") int port,
		@DefaultValue("chitieu") String database) {
}

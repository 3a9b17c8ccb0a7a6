package vn.chitieu.platform;

import java.nio.file.Path;

/**
 * Present as a bean when the application runs on its embedded PostgreSQL server.
 *
 * @param jdbcUrl where it listens
 * @param dataDirectory where it keeps its files
 */
public record EmbeddedDatabase(String jdbcUrl, Path dataDirectory) {
}

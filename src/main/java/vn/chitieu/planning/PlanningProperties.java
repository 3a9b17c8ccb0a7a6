package vn.chitieu.planning;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where to find plan definition files besides those shipped with the application.
 *
 * @param directory a directory whose {@code *.yaml} files are loaded at start-up, after
 * the built-in ones; none when null
 */
@ConfigurationProperties("chitieu.plans")
public record PlanningProperties(Path directory) {
}

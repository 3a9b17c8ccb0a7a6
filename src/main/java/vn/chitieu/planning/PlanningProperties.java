package vn.chitieu.planning;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where to find plan definition files besides those shipped with the application.
 *
 * @param directory a directory whose {@code *.yaml} files are loaded at start-up, after
 * the built-in ones; none when null
 */
@ConfigurationProperties("chitieu.plans")
public record PlanningProperties(String directory) {

	/**
	 * @return the configured directory, if any
	 */
	public Optional<Path> directoryPath() {
		return (this.directory == null || this.directory.isBlank()) ? Optional.empty()
				: Optional.of(Path.of(this.directory.strip()));
	}

}

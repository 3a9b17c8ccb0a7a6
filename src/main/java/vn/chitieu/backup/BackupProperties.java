package vn.chitieu.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and when the application writes its backups (docs/operations.md).
 *
 * @param directory where backups are written; empty: {@code backups} beside the embedded
 * database's data directory, or {@code ./backups} with an external database
 * @param schedule when scheduled backups run (a cron expression, server time); {@code -}
 * switches them off
 * @param keep how many backup files to keep; older ones are deleted after each successful
 * backup
 */
@ConfigurationProperties("chitieu.backup")
public record BackupProperties(String directory, @DefaultValue("0 30 2 * * *") String schedule,
		@DefaultValue("14") int keep) {

	public BackupProperties {
		if (keep < 1) {
			throw new IllegalArgumentException("chitieu.backup.keep must be at least 1, not " + keep);
		}
	}

}

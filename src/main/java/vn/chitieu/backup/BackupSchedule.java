package vn.chitieu.backup;

import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the scheduled backup ({@code chitieu.backup.schedule}, nightly by default;
 * {@code -} switches it off). Scheduling is switched on once for the application, in
 * {@code platform}.
 */
@Component
class BackupSchedule {

	private final Backups backups;

	BackupSchedule(Backups backups) {
		this.backups = backups;
	}

	@Scheduled(cron = "${chitieu.backup.schedule:0 30 2 * * *}")
	void nightly() {
		this.backups.runScheduled();
	}

}

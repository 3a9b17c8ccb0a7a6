package vn.chitieu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import vn.chitieu.backup.Restore;

/**
 * Chỉ tiêu: tracking a district Education Office's plan targets.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChiTieuApplication {

	public static void main(String[] args) {
		var restore = Restore.requested(args);
		if (restore.isPresent()) {
			// Restore mode (docs/operations.md): nothing else starts.
			System.exit(Restore.run(restore.get(), args, System.out));
		}
		SpringApplication.run(ChiTieuApplication.class, args);
	}

}

package vn.chitieu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Chỉ tiêu: tracking a district Education Office's plan targets.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChiTieuApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChiTieuApplication.class, args);
	}

}

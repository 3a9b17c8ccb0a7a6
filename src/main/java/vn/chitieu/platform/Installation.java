package vn.chitieu.platform;

import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Installation-wide facts kept in {@code app_setting}, such as whether the database holds
 * the sample district.
 */
@Component
public class Installation {

	/** Set when the sample district was loaded: every page then says "Dữ liệu mẫu". */
	public static final String SAMPLE_DATA = "sample_data";

	private final JdbcTemplate jdbc;

	private volatile Boolean sampleData;

	Installation(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the data shown is the generated sample district
	 */
	public boolean hasSampleData() {
		var current = this.sampleData;
		if (current == null) {
			try {
				current = setting(SAMPLE_DATA).map(Boolean::parseBoolean).orElse(false);
			}
			catch (DataAccessException ex) {
				// The database is unreachable: the page saying so must still render.
				// Asked
				// again next time.
				return false;
			}
			this.sampleData = current;
		}
		return current;
	}

	/** Records that the sample district was loaded. */
	public void markSampleData() {
		put(SAMPLE_DATA, "true");
		this.sampleData = true;
	}

	public Optional<String> setting(String key) {
		return this.jdbc.queryForList("select value from app_setting where key = ?", String.class, key)
			.stream()
			.findFirst();
	}

	public void put(String key, String value) {
		this.jdbc.update("""
				insert into app_setting (key, value) values (?, ?)
				on conflict (key) do update set value = excluded.value
				""", key, value);
	}

}

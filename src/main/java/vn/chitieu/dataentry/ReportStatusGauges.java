package vn.chitieu.dataentry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.chitieu.platform.Meters;

/**
 * The gauge {@code chitieu.reports{status}}: how many units' reports stand in each status
 * for the latest open school year. Read with one grouped count, at most once every few
 * seconds however often the metrics are scraped; not a number when the database cannot be
 * read.
 */
@Component
class ReportStatusGauges implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(ReportStatusGauges.class);

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;

	private final Clock clock = Clock.systemUTC();

	private volatile Counted counted;

	ReportStatusGauges(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (var status : SubmissionStatus.values()) {
			Gauge.builder(Meters.PREFIX + "reports", this, (g) -> g.count(status))
				.description("Units' reports for the latest open school year, by status")
				.tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
				.register(registry);
		}
	}

	double count(SubmissionStatus status) {
		var now = this.clock.instant();
		var current = this.counted;
		if (current == null || current.at().plus(FRESH_FOR).isBefore(now)) {
			current = read(now);
			this.counted = current;
		}
		if (current.counts() == null) {
			return Double.NaN;
		}
		return current.counts().getOrDefault(status, 0L);
	}

	private Counted read(Instant now) {
		try {
			var counts = new EnumMap<SubmissionStatus, Long>(SubmissionStatus.class);
			this.jdbc.query("""
					select status, count(*) from submission
					where school_year = (select max(start_year) from school_year where open)
					group by status
					""", (rs) -> {
				counts.put(SubmissionStatus.valueOf(rs.getString(1)), rs.getLong(2));
			});
			return new Counted(now, counts);
		}
		catch (DataAccessException ex) {
			log.debug("Reports by status could not be counted: {}", ex.getMessage());
			return new Counted(now, null);
		}
	}

	private record Counted(Instant at, Map<SubmissionStatus, Long> counts) {
	}

}

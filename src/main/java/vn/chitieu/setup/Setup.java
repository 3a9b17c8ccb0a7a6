package vn.chitieu.setup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.chitieu.audit.AuditRecorded;
import vn.chitieu.organisation.Organisation;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYearState;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.security.Role;
import vn.chitieu.security.UserSummary;
import vn.chitieu.security.Users;
import vn.chitieu.setup.SetupStatus.Step;

/**
 * The one place that knows what the installation still lacks. Every page's layout asks,
 * so the answer is kept in memory: it is computed again after any audited change commits
 * (every change of the organisation, units, users and school years is audited), and at
 * the latest a minute after it was computed, for changes made outside the application (a
 * restore, another instance). The changes of the daily work (a figure saved, a report
 * sent or reviewed, a reply) touch nothing it reads and keep it: on the deadline day
 * every save would otherwise make the next page compute it again.
 */
@Service
public class Setup {

	static final Duration MAX_AGE = Duration.ofMinutes(1);

	/**
	 * The audited actions that change nothing the status reads: figures, the status of
	 * reports, the conversation about them, an uploaded form.
	 */
	static final Set<String> UNRELATED = Set.of("FIGURE_CHANGED", "STATUS_CHANGED", "REPORT_REPLIED",
			"TEMPLATE_UPLOADED");

	private final Organisation organisation;

	private final OrgUnits units;

	private final Users users;

	private final SchoolYears years;

	private final Clock clock = Clock.systemUTC();

	private volatile Cached cached;

	/**
	 * Moves on every change, so that a status computed while a change commits is not
	 * kept.
	 */
	private final AtomicLong generation = new AtomicLong();

	Setup(Organisation organisation, OrgUnits units, Users users, SchoolYears years) {
		this.organisation = organisation;
		this.units = units;
		this.users = users;
		this.years = years;
	}

	/**
	 * @return what the installation has and lacks (from memory when fresh)
	 * @throws DataAccessException when the database cannot be reached
	 */
	public SetupStatus status() {
		var now = this.clock.instant();
		var current = this.cached;
		if (current != null && current.at().plus(MAX_AGE).isAfter(now)) {
			return current.status();
		}
		long before = this.generation.get();
		var status = compute();
		if (this.generation.get() == before) {
			this.cached = new Cached(status, now);
		}
		return status;
	}

	/**
	 * @return the status, or {@code null} when the database cannot be reached (the page
	 * saying so must still render)
	 */
	public SetupStatus statusOrNull() {
		try {
			return status();
		}
		catch (DataAccessException | TransactionException ex) {
			return null;
		}
	}

	/**
	 * Forgets the status once a change it may read commits: the next page computes it
	 * again.
	 * @param event the changes recorded
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void changed(AuditRecorded event) {
		if (UNRELATED.containsAll(event.actions())) {
			return;
		}
		this.generation.incrementAndGet();
		this.cached = null;
	}

	private SetupStatus compute() {
		boolean organisationSet = this.organisation.current().isSetUp();
		long wards = this.units.wards().size();
		long schools = this.units.schools().stream().filter((s) -> s.active()).count();
		List<UserSummary> all = this.users.all();
		long others = all.stream().filter((u) -> u.role() != Role.ADMIN && u.enabled()).count();
		boolean office = all.stream().anyMatch((u) -> u.role() == Role.OFFICE && u.enabled());
		List<SchoolYearState> years = this.years.states();
		long withoutDeadline = years.stream().filter((y) -> y.open() && y.deadlines().isEmpty()).count();
		return new SetupStatus(List.of(new Step(SetupStep.ORGANISATION, organisationSet, organisationSet ? 1 : 0),
				new Step(SetupStep.WARDS, wards > 0, wards), new Step(SetupStep.SCHOOLS, schools > 0, schools),
				new Step(SetupStep.USERS, office, others),
				new Step(SetupStep.SCHOOL_YEAR, !years.isEmpty(), years.size()),
				new Step(SetupStep.DEADLINE, !years.isEmpty() && withoutDeadline == 0, withoutDeadline)));
	}

	private record Cached(SetupStatus status, Instant at) {
	}

}

package vn.chitieu.orgunit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A row of {@code school_year}: a school year, whether it is open for entry, its
 * deadlines and who last opened, closed or reopened it.
 */
@Entity
@Table(name = "school_year")
class SchoolYearEntry {

	@Id
	@Column(name = "start_year")
	private Integer startYear;

	private boolean open;

	private LocalDate deadline;

	@Column(name = "deadline_mn")
	private LocalDate deadlineMn;

	@Column(name = "deadline_th")
	private LocalDate deadlineTh;

	@Column(name = "deadline_thcs")
	private LocalDate deadlineThcs;

	@Column(name = "opened_at")
	private Instant openedAt;

	@Column(name = "opened_by")
	private String openedBy;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "closed_by")
	private String closedBy;

	@Column(name = "reopened_at")
	private Instant reopenedAt;

	@Column(name = "reopened_by")
	private String reopenedBy;

	@Column(name = "reopen_reason")
	private String reopenReason;

	@Version
	private int version;

	protected SchoolYearEntry() {
	}

	SchoolYearEntry(SchoolYear year, boolean open) {
		this.startYear = year.startYear();
		this.open = open;
	}

	SchoolYear year() {
		return SchoolYear.of(this.startYear);
	}

	boolean isOpen() {
		return this.open;
	}

	void setOpen(boolean open) {
		this.open = open;
	}

	int version() {
		return this.version;
	}

	void opened(String by, Instant at) {
		this.open = true;
		this.openedBy = by;
		this.openedAt = at;
	}

	void close(String by, Instant at) {
		this.open = false;
		this.closedBy = by;
		this.closedAt = at;
	}

	void reopen(String reason, String by, Instant at) {
		this.open = true;
		this.reopenReason = reason;
		this.reopenedBy = by;
		this.reopenedAt = at;
	}

	Deadlines deadlines() {
		var byLevel = new EnumMap<EducationLevel, LocalDate>(EducationLevel.class);
		byLevel.put(EducationLevel.MN, this.deadlineMn);
		byLevel.put(EducationLevel.TH, this.deadlineTh);
		byLevel.put(EducationLevel.THCS, this.deadlineThcs);
		return new Deadlines(this.deadline, byLevel);
	}

	void setDeadlines(Deadlines deadlines) {
		this.deadline = deadlines.general();
		this.deadlineMn = deadlines.byLevel().get(EducationLevel.MN);
		this.deadlineTh = deadlines.byLevel().get(EducationLevel.TH);
		this.deadlineThcs = deadlines.byLevel().get(EducationLevel.THCS);
	}

	SchoolYearStatus toStatus() {
		return new SchoolYearStatus(year(), this.open);
	}

	SchoolYearState toState() {
		return new SchoolYearState(year(), this.open, deadlines(), this.openedBy, this.openedAt, this.closedBy,
				this.closedAt, this.reopenedBy, this.reopenedAt, this.reopenReason, this.version);
	}

}

package vn.chitieu.orgunit;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A row of {@code org_unit}: the district, a ward or a school. Other modules see it
 * through the {@link School}, {@link Ward} and {@link UnitRef} records.
 */
@Entity
@Table(name = "org_unit")
class OrgUnit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private UnitKind kind;

	private String code;

	private String name;

	@Column(name = "parent_id")
	private Long parentId;

	@Enumerated(EnumType.STRING)
	private Ownership ownership;

	@Column(name = "opened_year")
	private Integer openedYear;

	private boolean active = true;

	@Column(name = "closed_year")
	private Integer closedYear;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "school_level", joinColumns = @JoinColumn(name = "school_id"))
	@Column(name = "level")
	@Enumerated(EnumType.STRING)
	private Set<EducationLevel> levels = new HashSet<>();

	@Version
	private int version;

	protected OrgUnit() {
	}

	private OrgUnit(UnitKind kind, String code, String name, Long parentId) {
		this.kind = kind;
		this.code = code;
		this.name = name;
		this.parentId = parentId;
	}

	static OrgUnit district(String code, String name) {
		return new OrgUnit(UnitKind.DISTRICT, code, name, null);
	}

	static OrgUnit ward(String code, String name, long districtId) {
		return new OrgUnit(UnitKind.WARD, code, name, districtId);
	}

	static OrgUnit ward(String code, String name, long districtId, int openedYear) {
		var unit = new OrgUnit(UnitKind.WARD, code, name, districtId);
		unit.openedYear = openedYear;
		return unit;
	}

	static OrgUnit school(String code, String name, long wardId, Set<EducationLevel> levels, Ownership ownership,
			Integer openedYear) {
		if (levels.isEmpty()) {
			throw new IllegalArgumentException("A school teaches at least one level");
		}
		var unit = new OrgUnit(UnitKind.SCHOOL, code, name, wardId);
		unit.levels = new HashSet<>(levels);
		unit.ownership = ownership;
		unit.openedYear = openedYear;
		return unit;
	}

	Long getId() {
		return this.id;
	}

	UnitKind getKind() {
		return this.kind;
	}

	String getCode() {
		return this.code;
	}

	String getName() {
		return this.name;
	}

	Long getParentId() {
		return this.parentId;
	}

	Ownership getOwnership() {
		return this.ownership;
	}

	Integer getOpenedYear() {
		return this.openedYear;
	}

	boolean isActive() {
		return this.active;
	}

	Set<EducationLevel> getLevels() {
		return this.levels.isEmpty() ? Set.of() : EnumSet.copyOf(this.levels);
	}

	Integer getClosedYear() {
		return this.closedYear;
	}

	int getVersion() {
		return this.version;
	}

	void rename(String code, String name) {
		this.code = code;
		this.name = name;
	}

	void changeSchool(String code, String name, long wardId, Set<EducationLevel> levels, Ownership ownership,
			Integer openedYear) {
		if (levels.isEmpty()) {
			throw new IllegalArgumentException("A school teaches at least one level");
		}
		rename(code, name);
		this.parentId = wardId;
		this.levels.clear();
		this.levels.addAll(levels);
		this.ownership = ownership;
		this.openedYear = openedYear;
	}

	/**
	 * Moves a school to another ward (its ward from now on; the history keeps the
	 * former).
	 * @param wardId the ward
	 */
	void moveTo(long wardId) {
		this.parentId = wardId;
	}

	/**
	 * Closes the unit from a school year: it gets no form from then on, the years before
	 * keep it.
	 * @param year the start year of the first school year it no longer reports for
	 */
	void close(int year) {
		if (!this.active) {
			throw new IllegalStateException("Already closed");
		}
		this.active = false;
		this.closedYear = year;
	}

	UnitRef toRef() {
		return new UnitRef(this.id, this.kind, this.code, this.name, this.parentId);
	}

}

package vn.chitieu.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.chitieu.orgunit.SchoolYear;

/**
 * A row of {@code plan} with its indicators.
 */
@Entity
@Table(name = "plan")
class PlanEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	@Column(name = "document_number")
	private String documentNumber;

	@Column(name = "title_vi")
	private String titleVi;

	@Column(name = "title_en")
	private String titleEn;

	private String issuer;

	@Column(name = "issued_on")
	private LocalDate issuedOn;

	@Column(name = "baseline_year")
	private int baselineYear;

	@Column(name = "target_year")
	private int targetYear;

	private String source;

	private String checksum;

	@Column(name = "loaded_at")
	private Instant loadedAt;

	private int number = 1;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private PlanStatus status = PlanStatus.PUBLISHED;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "published_by")
	private String publishedBy;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "pending_metrics")
	private String pendingMetrics;

	@Column(name = "pending_rules")
	private String pendingRules;

	@OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<IndicatorEntity> indicators = new ArrayList<>();

	@Version
	private int version;

	protected PlanEntity() {
	}

	PlanEntity(String code) {
		this.code = code;
	}

	/** A new version of a plan, numbered, in a state. */
	PlanEntity(String code, int number, PlanStatus status, String by, Instant now) {
		this.code = code;
		this.number = number;
		this.status = status;
		this.createdBy = by;
		this.createdAt = now;
		if (status == PlanStatus.PUBLISHED) {
			this.publishedBy = by;
			this.publishedAt = now;
		}
	}

	int getNumber() {
		return this.number;
	}

	PlanStatus getStatus() {
		return this.status;
	}

	int getVersion() {
		return this.version;
	}

	String getPendingMetrics() {
		return this.pendingMetrics;
	}

	String getPendingRules() {
		return this.pendingRules;
	}

	void setPending(String metrics, String rules) {
		this.pendingMetrics = metrics;
		this.pendingRules = rules;
	}

	void publish(String by, Instant now) {
		this.status = PlanStatus.PUBLISHED;
		this.publishedBy = by;
		this.publishedAt = now;
		this.pendingMetrics = null;
		this.pendingRules = null;
	}

	void archive() {
		this.status = PlanStatus.ARCHIVED;
	}

	/**
	 * Replaces everything with what a definition file says, keeping the ids of indicators
	 * whose code is unchanged.
	 */
	void update(PlanDefinition plan, String source, String checksum, Instant now) {
		this.documentNumber = plan.documentNumber();
		this.titleVi = plan.titleVi();
		this.titleEn = plan.titleEn();
		this.issuer = plan.issuer();
		this.issuedOn = plan.issued();
		this.baselineYear = plan.baselineYear().startYear();
		this.targetYear = plan.targetYear().startYear();
		this.source = source;
		this.checksum = checksum;
		this.loadedAt = now;
		var existing = new java.util.HashMap<String, IndicatorEntity>();
		this.indicators.forEach((i) -> existing.put(i.getCode(), i));
		var updated = new ArrayList<IndicatorEntity>();
		for (int i = 0; i < plan.indicators().size(); i++) {
			var definition = plan.indicators().get(i);
			var entity = existing.remove(definition.code());
			if (entity == null) {
				entity = new IndicatorEntity(this, definition.code());
			}
			entity.update(definition, i);
			updated.add(entity);
		}
		this.indicators.clear();
		this.indicators.addAll(updated);
	}

	Long getId() {
		return this.id;
	}

	String getCode() {
		return this.code;
	}

	String getChecksum() {
		return this.checksum;
	}

	String getSource() {
		return this.source;
	}

	List<IndicatorEntity> getIndicators() {
		return this.indicators;
	}

	PlanSummary toSummary() {
		return new PlanSummary(this.id, this.code, this.documentNumber, this.titleVi, this.titleEn, this.issuer,
				this.issuedOn, SchoolYear.of(this.baselineYear), SchoolYear.of(this.targetYear), this.indicators.size(),
				this.source, this.loadedAt, this.number, this.status, this.createdBy, this.publishedBy,
				this.publishedAt, this.version);
	}

	PlanDefinition toDefinition() {
		return new PlanDefinition(this.code, this.documentNumber, this.titleVi, this.titleEn, this.issuer,
				this.issuedOn, SchoolYear.of(this.baselineYear), SchoolYear.of(this.targetYear),
				this.indicators.stream().map(IndicatorEntity::toDefinition).toList());
	}

}

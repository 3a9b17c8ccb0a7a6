package vn.chitieu.planning;

import java.math.BigDecimal;
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
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.UnitKind;

/**
 * A row of {@code metric}.
 */
@Entity
@Table(name = "metric")
class MetricEntity {

	@Id
	private String code;

	@Column(name = "name_vi")
	private String nameVi;

	@Column(name = "name_en")
	private String nameEn;

	@Enumerated(EnumType.STRING)
	@Column(name = "unit_kind")
	private UnitKind reportedBy;

	@Enumerated(EnumType.STRING)
	@Column(name = "value_type")
	private ValueType type;

	@Column(name = "unit_vi")
	private String unitVi;

	@Column(name = "unit_en")
	private String unitEn;

	@Column(name = "min_value")
	private BigDecimal min;

	@Column(name = "max_value")
	private BigDecimal max;

	private String section;

	private int position;

	@Column(name = "help_vi")
	private String helpVi;

	@Column(name = "help_en")
	private String helpEn;

	private String source;

	@Column(name = "plausible_change")
	private BigDecimal plausibleChange;

	@Column(name = "plausible_spread")
	private BigDecimal plausibleSpread;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "metric_level", joinColumns = @JoinColumn(name = "metric_code"))
	@Column(name = "level")
	@Enumerated(EnumType.STRING)
	private Set<EducationLevel> levels = new HashSet<>();

	protected MetricEntity() {
	}

	MetricEntity(String code) {
		this.code = code;
	}

	void update(Metric metric) {
		this.nameVi = metric.nameVi();
		this.nameEn = metric.nameEn();
		this.reportedBy = metric.reportedBy();
		this.type = metric.type();
		this.unitVi = metric.unitVi();
		this.unitEn = metric.unitEn();
		this.min = metric.min();
		this.max = metric.max();
		this.section = metric.section();
		this.position = metric.position();
		this.helpVi = metric.helpVi();
		this.helpEn = metric.helpEn();
		this.source = metric.source();
		this.plausibleChange = metric.plausibleChange();
		this.plausibleSpread = metric.plausibleSpread();
		this.levels.clear();
		this.levels.addAll(metric.levels());
	}

	String getCode() {
		return this.code;
	}

	Metric toMetric() {
		return new Metric(this.code, this.nameVi, this.nameEn, this.reportedBy, this.type, this.unitVi, this.unitEn,
				this.min, this.max, this.levels.isEmpty() ? Set.of() : EnumSet.copyOf(this.levels), this.section,
				this.position, this.helpVi, this.helpEn, this.source, this.plausibleChange, this.plausibleSpread);
	}

}

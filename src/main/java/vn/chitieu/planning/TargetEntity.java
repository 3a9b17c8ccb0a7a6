package vn.chitieu.planning;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.chitieu.orgunit.SchoolYear;

/**
 * A row of {@code target} with its milestones.
 */
@Entity
@Table(name = "target")
class TargetEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "indicator_id")
	private IndicatorEntity indicator;

	private int position;

	@Enumerated(EnumType.STRING)
	private TargetShape shape;

	private BigDecimal value;

	@Column(name = "value_high")
	private BigDecimal valueHigh;

	private String benchmarks;

	private boolean increment;

	@Column(name = "target_year")
	private int targetYear;

	@Convert(converter = MeasureConverter.class)
	private Measure measure;

	@Column(name = "text_vi")
	private String textVi;

	@Column(name = "text_en")
	private String textEn;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "target_milestone", joinColumns = @JoinColumn(name = "target_id"))
	@MapKeyColumn(name = "school_year")
	@Column(name = "value")
	private Map<Integer, BigDecimal> milestones = new HashMap<>();

	@Version
	private int version;

	protected TargetEntity() {
	}

	TargetEntity(IndicatorEntity indicator, int position) {
		this.indicator = indicator;
		this.position = position;
	}

	void update(Target target) {
		this.shape = target.shape();
		this.value = target.value();
		this.valueHigh = target.high();
		this.benchmarks = target.benchmarks().isEmpty() ? null : String.join(",", target.benchmarks());
		this.increment = target.increment();
		this.targetYear = target.targetYear().startYear();
		this.measure = target.measure();
		this.textVi = target.textVi();
		this.textEn = target.textEn();
		this.milestones.clear();
		target.milestones().forEach((year, v) -> this.milestones.put(year.startYear(), v));
	}

	Target toTarget() {
		var ms = new TreeMap<SchoolYear, BigDecimal>();
		this.milestones.forEach((year, v) -> ms.put(SchoolYear.of(year), v));
		List<String> benchmarkList = (this.benchmarks != null) ? Arrays.asList(this.benchmarks.split(",")) : List.of();
		return new Target(this.shape, this.value, this.valueHigh, benchmarkList, this.increment,
				SchoolYear.of(this.targetYear), ms, this.measure, this.textVi, this.textEn);
	}

}

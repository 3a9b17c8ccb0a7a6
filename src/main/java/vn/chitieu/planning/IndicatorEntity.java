package vn.chitieu.planning;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A row of {@code indicator} with its targets.
 */
@Entity
@Table(name = "indicator")
class IndicatorEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "plan_id")
	private PlanEntity plan;

	private String code;

	private int position;

	@Enumerated(EnumType.STRING)
	private IndicatorLevel level;

	private String clause;

	private String quote;

	@Column(name = "name_vi")
	private String nameVi;

	@Column(name = "name_en")
	private String nameEn;

	@Enumerated(EnumType.STRING)
	private IndicatorUnit unit;

	@Enumerated(EnumType.STRING)
	@Column(name = "measure_kind")
	private MeasureKind measureKind;

	@Convert(converter = MeasureConverter.class)
	private Measure measure;

	@Enumerated(EnumType.STRING)
	private Direction direction;

	@Column(name = "flaw_vi")
	private String flawVi;

	@Column(name = "flaw_en")
	private String flawEn;

	@Column(name = "reading_vi")
	private String readingVi;

	@Column(name = "reading_en")
	private String readingEn;

	@Convert(converter = MeasureConverter.class)
	@Column(name = "alt_measure")
	private Measure alternative;

	@Column(name = "alt_label_vi")
	private String alternativeVi;

	@Column(name = "alt_label_en")
	private String alternativeEn;

	@OneToMany(mappedBy = "indicator", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<TargetEntity> targets = new ArrayList<>();

	@Version
	private int version;

	protected IndicatorEntity() {
	}

	IndicatorEntity(PlanEntity plan, String code) {
		this.plan = plan;
		this.code = code;
	}

	void update(IndicatorDefinition definition, int position) {
		this.position = position;
		this.level = definition.level();
		this.clause = definition.clause();
		this.quote = definition.quote();
		this.nameVi = definition.nameVi();
		this.nameEn = definition.nameEn();
		this.unit = definition.unit();
		this.measureKind = definition.measure().kind();
		this.measure = definition.measure();
		this.direction = definition.direction();
		var flaw = definition.flaw();
		this.flawVi = (flaw != null) ? flaw.vi() : null;
		this.flawEn = (flaw != null) ? flaw.en() : null;
		this.readingVi = (flaw != null) ? flaw.readingVi() : null;
		this.readingEn = (flaw != null) ? flaw.readingEn() : null;
		this.alternative = (flaw != null) ? flaw.alternative() : null;
		this.alternativeVi = (flaw != null) ? flaw.alternativeVi() : null;
		this.alternativeEn = (flaw != null) ? flaw.alternativeEn() : null;
		var targets = definition.targets();
		while (this.targets.size() > targets.size()) {
			this.targets.remove(this.targets.size() - 1);
		}
		for (int i = 0; i < targets.size(); i++) {
			if (i == this.targets.size()) {
				this.targets.add(new TargetEntity(this, i));
			}
			this.targets.get(i).update(targets.get(i));
		}
	}

	String getCode() {
		return this.code;
	}

	IndicatorDefinition toDefinition() {
		var flaw = (this.flawVi != null) ? new Flaw(this.flawVi, this.flawEn, this.readingVi, this.readingEn,
				this.alternative, this.alternativeVi, this.alternativeEn) : null;
		return new IndicatorDefinition(this.code, this.level, this.clause, this.quote, this.nameVi, this.nameEn,
				this.unit, this.measure, this.direction, this.targets.stream().map(TargetEntity::toTarget).toList(),
				flaw);
	}

}

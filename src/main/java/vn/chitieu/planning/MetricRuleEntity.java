package vn.chitieu.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code metric_rule}.
 */
@Entity
@Table(name = "metric_rule")
class MetricRuleEntity {

	@Id
	private String code;

	private String expression;

	@Column(name = "message_vi")
	private String messageVi;

	@Column(name = "message_en")
	private String messageEn;

	private int position;

	private String source;

	/** What declared the rule: {@code catalog}, {@code plan:CODE} or {@code import}. */
	private String owner;

	protected MetricRuleEntity() {
	}

	MetricRuleEntity(MetricRule rule, String owner) {
		this.owner = owner;
		this.code = rule.code();
		this.expression = rule.expression();
		this.messageVi = rule.messageVi();
		this.messageEn = rule.messageEn();
		this.position = rule.position();
		this.source = rule.source();
	}

	String getOwner() {
		return this.owner;
	}

	String getSource() {
		return this.source;
	}

	MetricRule toRule() {
		return new MetricRule(this.code, this.expression, this.messageVi, this.messageEn, this.position, this.source);
	}

}

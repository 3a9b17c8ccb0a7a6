package vn.chitieu.audit;

/**
 * A change to record. Build it with {@link #of(String, String, String)} and the
 * {@code with…} methods.
 *
 * @param action what was done
 * @param entityType what kind of thing changed
 * @param entityId which one
 * @param unitId the organisation unit concerned
 * @param schoolYear the school year concerned (start year)
 * @param field the field that changed
 * @param oldValue the value before
 * @param newValue the value after
 * @param detail anything else worth keeping
 */
public record AuditRecord(String action, String entityType, String entityId, Long unitId, Integer schoolYear,
		String field, String oldValue, String newValue, String detail) {

	public static AuditRecord of(String action, String entityType, String entityId) {
		return new AuditRecord(action, entityType, entityId, null, null, null, null, null, null);
	}

	public AuditRecord withUnit(Long unitId, Integer schoolYear) {
		return new AuditRecord(this.action, this.entityType, this.entityId, unitId, schoolYear, this.field,
				this.oldValue, this.newValue, this.detail);
	}

	public AuditRecord withChange(String field, String oldValue, String newValue) {
		return new AuditRecord(this.action, this.entityType, this.entityId, this.unitId, this.schoolYear, field,
				oldValue, newValue, this.detail);
	}

	public AuditRecord withDetail(String detail) {
		return new AuditRecord(this.action, this.entityType, this.entityId, this.unitId, this.schoolYear, this.field,
				this.oldValue, this.newValue, detail);
	}

}

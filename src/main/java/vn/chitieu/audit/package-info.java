/**
 * The append-only audit trail (nhật ký thay đổi): who changed which figure, status,
 * target, user or organisation setting, when, from which value to which. The database
 * refuses updates and deletes of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package vn.chitieu.audit;

/**
 * Plans (kế hoạch), their indicators (chỉ tiêu) and targets, and the catalog of metrics
 * the indicators are computed from, all loaded from plan definition files
 * ({@code docs/plan-format.md}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans and metrics")
package vn.chitieu.planning;

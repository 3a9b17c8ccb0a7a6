/**
 * The dashboards: where the district stands on every indicator of a plan, one indicator
 * with the schools that hold it back, a school's own position, enrolment by ward, and the
 * read-only JSON API of the same ({@code docs/api.md}). The numbers come from
 * {@link vn.chitieu.progress.Progress}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards")
package vn.chitieu.dashboard;

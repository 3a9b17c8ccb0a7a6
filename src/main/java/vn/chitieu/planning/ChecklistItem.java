package vn.chitieu.planning;

/**
 * A school named in a plan, e.g. one of the 8 schools to be re-accredited.
 *
 * @param school the school's code
 * @param name the school as the plan names it
 * @param condition what it must reach, null for the checklist's condition
 */
public record ChecklistItem(String school, String name, String condition) {
}

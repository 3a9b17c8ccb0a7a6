package vn.chitieu.orgunit;

/**
 * A school year known to the application and whether schools may still enter figures for
 * it.
 *
 * @param year the school year
 * @param open true while entry is allowed
 */
public record SchoolYearStatus(SchoolYear year, boolean open) {
}

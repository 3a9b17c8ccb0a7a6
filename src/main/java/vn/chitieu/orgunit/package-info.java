/**
 * The organisation: the district, its wards (phường), its schools, and the school years
 * (năm học) figures are reported for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation units")
package vn.chitieu.orgunit;

package vn.chitieu.orgunit;

/**
 * A reference to any organisation unit, enough to name it and check who may see it.
 *
 * @param id the unit's id
 * @param kind district, ward or school
 * @param code its code
 * @param name its name
 * @param parentId the ward of a school, the district of a ward, null for the district
 */
public record UnitRef(long id, UnitKind kind, String code, String name, Long parentId) {
}

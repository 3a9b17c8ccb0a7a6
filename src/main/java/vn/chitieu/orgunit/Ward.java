package vn.chitieu.orgunit;

/**
 * A ward (phường) of the district.
 *
 * @param id its id
 * @param code its code
 * @param name its name, e.g. "Phường Bồ Đề"
 */
public record Ward(long id, String code, String name) {
}

package vn.chitieu.organisation;

import vn.chitieu.orgunit.SchoolYear;

/**
 * How the organisation was named before a school year: its name, the two lines of its
 * letterhead and the place of its date line.
 *
 * @param until the first school year that no longer used this name
 * @param name the organisation's name then
 * @param parentBody the first line of the letterhead then
 * @param issuingBody the second line then
 * @param place the place of the date line then
 */
public record FormerName(SchoolYear until, String name, String parentBody, String issuingBody, String place) {

}

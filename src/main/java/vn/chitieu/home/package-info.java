/**
 * The home page of each role: what a school, a ward, the Office, a leader or the
 * administrator sees first, and what to do next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home pages")
package vn.chitieu.home;

/**
 * Users, roles and login; who the current user is and which units they may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package vn.chitieu.security;

/**
 * Technical foundation shared by every module: the embedded database used when no
 * external PostgreSQL is configured, the web layout support (locale, messages, error
 * pages) and small helpers. It holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.chitieu.platform;

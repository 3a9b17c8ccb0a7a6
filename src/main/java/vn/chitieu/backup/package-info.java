/**
 * Backups the application writes itself (sao lưu) and their restore: every table of the
 * schema, read in one consistent snapshot through the PostgreSQL driver's
 * {@code COPY … TO STDOUT}, in one zip file with a manifest and checksums; made on demand
 * from the administrator's page and on a schedule, and restored into an empty database
 * with {@code --restore=FILE}. No {@code pg_dump} needed (docs/operations.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backups")
package vn.chitieu.backup;

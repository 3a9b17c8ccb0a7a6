/**
 * Data entry: the yearly submissions of schools, wards and the Office, the figures they
 * hold, and the review workflow (nháp → đã gửi → đã duyệt, or trả lại).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data entry")
package vn.chitieu.dataentry;

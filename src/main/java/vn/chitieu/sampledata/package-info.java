/**
 * The sample district ("Dữ liệu mẫu"): the 14 real wards of Long Biên, its schools (those
 * the plans name carry their real names, the others plainly invented ones), and figures
 * generated reproducibly from a fixed seed. Loaded only on an empty database, and
 * labelled as sample on every page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sample district")
package vn.chitieu.sampledata;

/**
 * The exported workbooks: the official progress report the Office sends to the People's
 * Committee (Decree 30/2020/NĐ-CP layout), the raw figures of a year for analysts, and a
 * school's own sheet. Built from the same numbers as the dashboards, streamed
 * ({@code SXSSFWorkbook}) so that a city's data fits a bounded heap.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package vn.chitieu.report;

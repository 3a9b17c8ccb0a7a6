/**
 * The progress engine: the actual value of every indicator for a school year and a scope,
 * its status against the target (achieved, on track, at risk, off track, no data), the
 * projection to the target year, and the gap in people or schools. The computation is
 * plain Java over {@link java.math.BigDecimal}
 * ({@link vn.chitieu.progress.ProgressEngine}); the figures come from the database
 * ({@link vn.chitieu.progress.Progress}). See {@code docs/progress.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress engine")
package vn.chitieu.progress;

package vn.chitieu.progress;

import java.math.BigDecimal;

/**
 * Where the trend of the years so far leads by the target year.
 *
 * @param value the value projected for the target year (least squares over the years with
 * data), null with fewer than two years
 * @param observedPace the change per year observed (the trend's slope), null likewise
 * @param neededPace the change per year still needed to reach the target by its year,
 * null when the target year has come
 */
public record Projection(BigDecimal value, BigDecimal observedPace, BigDecimal neededPace) {
}

/**
 * The small expression language of the plan definition files: arithmetic over metric
 * codes ({@code land_area_m2 / pupils}), comparisons ({@code >= 10}) and
 * {@code and}/{@code or}/ {@code not}, with {@code district.X} for a figure the Education
 * Office enters. Plain Java, {@link java.math.BigDecimal} throughout; missing figures and
 * division by zero give "no value", never zero.
 */
@org.springframework.modulith.NamedInterface("expression")
package vn.chitieu.planning.expression;

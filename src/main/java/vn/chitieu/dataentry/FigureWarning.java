package vn.chitieu.dataentry;

import java.math.BigDecimal;

/**
 * A figure that looks implausible, with what its unit said of it.
 *
 * @param key the figure
 * @param value its value
 * @param warning what it is far from
 * @param explanation why the unit says it is right, null when not explained yet
 */
public record FigureWarning(FigureKey key, BigDecimal value, Plausibility.Warning warning, String explanation) {

	/**
	 * @return whether the unit has explained it
	 */
	public boolean explained() {
		return this.explanation != null && !this.explanation.isBlank();
	}

}

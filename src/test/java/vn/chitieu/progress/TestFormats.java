package vn.chitieu.progress;

import org.springframework.context.MessageSource;

import vn.chitieu.planning.MeasureDescriber;
import vn.chitieu.planning.MetricCatalog;

/**
 * Builds a {@link ProgressFormat} for unit tests of other modules, which cannot reach its
 * package-private constructor.
 */
public final class TestFormats {

	private TestFormats() {
	}

	public static ProgressFormat format(MessageSource messages, MetricCatalog catalog, MeasureDescriber describer) {
		return new ProgressFormat(messages, catalog, describer);
	}

}

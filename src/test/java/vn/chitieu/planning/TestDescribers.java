package vn.chitieu.planning;

import org.springframework.context.MessageSource;

/**
 * Builds a {@link MeasureDescriber} for unit tests of other modules, which cannot reach
 * its package-private constructor.
 */
public final class TestDescribers {

	private TestDescribers() {
	}

	public static MeasureDescriber describer(MessageSource messages, MetricCatalog catalog) {
		return new MeasureDescriber(messages, catalog);
	}

}

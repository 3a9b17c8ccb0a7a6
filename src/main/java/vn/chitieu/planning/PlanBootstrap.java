package vn.chitieu.planning;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Loads the plan definition files at start-up, before anything reads them. An invalid
 * built-in file stops the application with the list of its problems.
 */
@Component
class PlanBootstrap implements ApplicationRunner, Ordered {

	/** Runs first: other start-up work reads the metrics. */
	static final int ORDER = 10;

	private final PlanLoader loader;

	PlanBootstrap(PlanLoader loader) {
		this.loader = loader;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		this.loader.loadAll();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}

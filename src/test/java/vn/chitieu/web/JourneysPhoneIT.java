package vn.chitieu.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.chitieu.testsupport.Browser;
import vn.chitieu.testsupport.SampleDatabase;

/**
 * The journeys of {@link JourneysIT} on a phone ({@link Browser#PHONE}, 390 px): every
 * page they load must fit the phone's window and pass axe-core, and every step must work
 * there as it does on a laptop. The journeys follow one report from a fresh sample
 * district, so they run on a database of their own, loaded anew.
 */
class JourneysPhoneIT extends JourneysIT {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		SampleDatabase.register("journeys_phone", registry);
	}

	@Override
	protected int width() {
		return Browser.PHONE;
	}

}

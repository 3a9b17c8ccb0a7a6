package vn.chitieu.web;

import vn.chitieu.testsupport.Browser;

/**
 * The journeys of {@link AutosaveJourneyIT} on a phone ({@link Browser#PHONE}, 390 px),
 * each page checked as it loads: it fits the window and passes axe-core.
 */
class AutosaveJourneyPhoneIT extends AutosaveJourneyIT {

	@Override
	protected int width() {
		return Browser.PHONE;
	}

}

package vn.chitieu.web;

import vn.chitieu.testsupport.Browser;

/**
 * The journeys of {@link ConcurrentEditingJourneyIT} on a phone ({@link Browser#PHONE},
 * 390 px), each page checked as it loads: it fits the window and passes axe-core.
 */
class ConcurrentEditingJourneyPhoneIT extends ConcurrentEditingJourneyIT {

	@Override
	protected int width() {
		return Browser.PHONE;
	}

}

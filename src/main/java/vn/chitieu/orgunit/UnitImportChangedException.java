package vn.chitieu.orgunit;

/**
 * The wards and schools changed between the preview of a units file and its confirmation:
 * nothing was saved, and the preview as it now stands is to be shown instead.
 */
public class UnitImportChangedException extends RuntimeException {

	private final UnitImportPreview preview;

	UnitImportChangedException(UnitImportPreview preview) {
		super("The units changed since the preview");
		this.preview = preview;
	}

	/**
	 * @return what confirming would now change
	 */
	public UnitImportPreview preview() {
		return this.preview;
	}

}

package vn.chitieu.planeditor;

import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.chitieu.planning.PlanLoader;
import vn.chitieu.planning.PlanVersions;
import vn.chitieu.planning.definition.DefinitionException;
import vn.chitieu.platform.FileNames;
import vn.chitieu.platform.sheets.SheetException;

/**
 * Plans as workbooks: any version downloaded as a {@link PlanWorkbook}, an empty one for
 * a new plan, and a workbook uploaded back, which becomes the plan's draft through the
 * same loader as a definition file (never published directly), or is refused whole with
 * every problem by sheet, row and column.
 */
@Service
public class PlanWorkbooks {

	/** The longest source name kept (the {@code source} columns hold 200 characters). */
	private static final int MAX_NAME = 200;

	private final PlanVersions versions;

	private final PlanLoader loader;

	PlanWorkbooks(PlanVersions versions, PlanLoader loader) {
		this.versions = versions;
		this.loader = loader;
	}

	/**
	 * @param code a plan's code
	 * @param number a version's number
	 * @return the version as a workbook, if it exists
	 */
	public Optional<byte[]> download(String code, int number) {
		var known = this.versions.knownMetrics(code);
		return this.versions.file(code, number).map((file) -> PlanWorkbook.write(file, known));
	}

	/**
	 * @return an empty workbook, for a new plan
	 */
	public byte[] empty() {
		return PlanWorkbook.empty();
	}

	/**
	 * Reads an uploaded workbook and stores its plan as the plan's draft.
	 * @param fileName the uploaded file's name
	 * @param bytes its content
	 * @param replace whether a plan of the same code may get a new draft from it
	 * @param actor who uploads it
	 * @return what happened
	 * @throws SheetException listing every problem, where it is in the workbook; nothing
	 * is stored then
	 */
	public PlanLoader.LoadResult upload(String fileName, byte[] bytes, boolean replace, String actor) {
		var upload = PlanWorkbook.read(bytes);
		var source = FileNames.clean((upload.source() != null) ? upload.source() : fileName, "plan.xlsx", MAX_NAME);
		try {
			return this.loader.load(source, upload.definition(), replace, actor);
		}
		catch (DefinitionException ex) {
			throw new SheetException(ex.problems().stream().map(upload::locate).toList());
		}
	}

}

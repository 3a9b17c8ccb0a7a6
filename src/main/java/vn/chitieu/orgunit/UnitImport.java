package vn.chitieu.orgunit;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import vn.chitieu.platform.sheets.TableReader;

/**
 * The wards and schools of an uploaded units file, read and checked on their own (not yet
 * against the database). Kept on the server between the preview and the confirmation, so
 * nothing the browser posts back is trusted.
 *
 * @param fileName the uploaded file's name
 * @param wards the rows of the wards sheet
 * @param schools the rows of the schools sheet
 */
public record UnitImport(String fileName, List<WardLine> wards, List<SchoolLine> schools) implements Serializable {

	public UnitImport {
		wards = List.copyOf(wards);
		schools = List.copyOf(schools);
	}

	/**
	 * A ward in the file.
	 *
	 * @param row where it stands
	 * @param code its code
	 * @param name its name
	 */
	public record WardLine(TableReader.Row row, String code, String name) implements Serializable {
	}

	/**
	 * A school in the file.
	 *
	 * @param row where it stands
	 * @param code its code
	 * @param name its name
	 * @param levels the levels it teaches, at least one
	 * @param ownership public or private
	 * @param wardCode its ward's code
	 * @param openedYear the start year of the school year it opened, or null
	 * @param closedYear the start year of the first school year it no longer reports for,
	 * or null
	 */
	public record SchoolLine(TableReader.Row row, String code, String name, Set<EducationLevel> levels,
			Ownership ownership, String wardCode, Integer openedYear, Integer closedYear) implements Serializable {

		public SchoolLine {
			levels = Set.copyOf(levels);
		}

	}

}

package vn.chitieu.security;

import java.io.Serializable;
import java.util.List;

import vn.chitieu.platform.sheets.TableReader;

/**
 * The people of an uploaded roster, read and checked row by row on their own (not yet
 * against the database). Kept on the server between the preview and the confirmation.
 *
 * @param fileName the uploaded file's name
 * @param people the rows, in the file's order
 */
public record RosterImport(String fileName, List<Person> people) implements Serializable {

	public RosterImport {
		people = List.copyOf(people);
	}

	/**
	 * A person in the roster.
	 *
	 * @param row where it stands
	 * @param displayName the full name
	 * @param username the login name, in lower case
	 * @param role the role
	 * @param unitCode the code of the school or ward of a SCHOOL or WARD user, else null
	 * @param contact the e-mail address or telephone number, or null
	 */
	public record Person(TableReader.Row row, String displayName, String username, Role role, String unitCode,
			String contact) implements Serializable {
	}

}

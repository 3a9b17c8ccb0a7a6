package vn.chitieu.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the database's catalog says about the application's schema (the connection's
 * current schema): its tables and their columns, its Flyway version, its foreign keys.
 */
final class Catalog {

	private Catalog() {
	}

	/** A table and its stored columns (generated columns left out), in order. */
	record Table(String name, List<String> columns) {
	}

	/**
	 * Every ordinary table of the current schema, by name.
	 */
	static List<Table> tables(Connection connection) throws SQLException {
		var tables = new LinkedHashMap<String, List<String>>();
		try (var statement = connection.prepareStatement("""
				select c.relname, a.attname
				from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				join pg_attribute a on a.attrelid = c.oid
				where n.nspname = current_schema() and c.relkind = 'r' and not c.relispartition
				  and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
				order by c.relname, a.attnum
				"""); var rs = statement.executeQuery()) {
			while (rs.next()) {
				tables.computeIfAbsent(rs.getString(1), (name) -> new ArrayList<>()).add(rs.getString(2));
			}
		}
		return tables.entrySet().stream().map((e) -> new Table(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	/**
	 * How many tables, views and sequences the current schema holds: 0 for an empty
	 * database.
	 */
	static long objects(Connection connection) throws SQLException {
		try (var statement = connection.prepareStatement("""
				select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
				"""); var rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * The version of the last successful Flyway migration.
	 */
	static String schemaVersion(Connection connection) throws SQLException {
		try (var statement = connection.prepareStatement("""
				select version from flyway_schema_history
				where success and version is not null order by installed_rank desc limit 1
				"""); var rs = statement.executeQuery()) {
			if (!rs.next()) {
				throw new SQLException("The database has no Flyway schema version");
			}
			return rs.getString(1);
		}
	}

	/**
	 * For each table of the current schema, the other tables its foreign keys point to.
	 */
	static Map<String, List<String>> references(Connection connection) throws SQLException {
		var references = new LinkedHashMap<String, List<String>>();
		try (var statement = connection.prepareStatement("""
				select c.relname, r.relname
				from pg_constraint k
				join pg_class c on c.oid = k.conrelid
				join pg_class r on r.oid = k.confrelid
				join pg_namespace n on n.oid = c.relnamespace
				where k.contype = 'f' and n.nspname = current_schema() and c.oid <> r.oid
				"""); var rs = statement.executeQuery()) {
			while (rs.next()) {
				references.computeIfAbsent(rs.getString(1), (name) -> new ArrayList<>()).add(rs.getString(2));
			}
		}
		return references;
	}

	/**
	 * The tables in an order where every table comes after those it refers to; tables
	 * caught in a cycle of references come last, in name order.
	 * @return the order, and whether a cycle was found
	 */
	static Ordered inDependencyOrder(List<String> tables, Map<String, List<String>> references) {
		var remaining = new ArrayList<>(tables);
		var done = new java.util.LinkedHashSet<String>();
		boolean progress = true;
		while (!remaining.isEmpty() && progress) {
			progress = false;
			for (var it = remaining.iterator(); it.hasNext();) {
				var table = it.next();
				var needs = references.getOrDefault(table, List.of());
				if (needs.stream().allMatch((t) -> done.contains(t) || !tables.contains(t))) {
					done.add(table);
					it.remove();
					progress = true;
				}
			}
		}
		var order = new ArrayList<>(done);
		order.addAll(remaining);
		return new Ordered(List.copyOf(order), !remaining.isEmpty());
	}

	/** Tables in the order to fill them. */
	record Ordered(List<String> tables, boolean cycle) {
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	static String columnList(List<String> columns) {
		return columns.stream().map(Catalog::quote).collect(Collectors.joining(", "));
	}

}

package vn.chitieu.dashboard;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import vn.chitieu.progress.UnitStanding;

/**
 * One page of an indicator's breakdown: the units holding it back most first, narrowed by
 * a name or a ward, {@value #SIZE} at a time. A city lists a thousand schools under one
 * indicator; the page shows the first fifty and leads to the others.
 *
 * @param rows the units on this page
 * @param number this page's number, from 1
 * @param pages how many pages the units matching make (at least 1)
 * @param matching how many units match the name and ward asked
 * @param total how many units the breakdown holds
 * @param first the position of this page's first unit, from 1 (0 when none)
 * @param last the position of its last unit
 * @param links the pages to offer: the first, the last and those around this one; null
 * stands for a gap
 */
record BreakdownPage(List<UnitStanding> rows, int number, int pages, int matching, int total, int first, int last,
		List<Link> links) {

	/** Units on a page. */
	static final int SIZE = 50;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	BreakdownPage {
		rows = List.copyOf(rows);
		links = java.util.Collections.unmodifiableList(new ArrayList<>(links));
	}

	/**
	 * @param breakdown every unit, in the order shown
	 * @param name part of a unit's name, with or without its accents; null or blank for
	 * any
	 * @param ward a ward: its schools, or the ward itself; null for any
	 * @param page the page asked for (kept within the pages there are)
	 * @param href the address of a page, by its number
	 * @return the page
	 */
	static BreakdownPage of(List<UnitStanding> breakdown, String name, Long ward, int page, IntFunction<String> href) {
		var wanted = (name == null || name.isBlank()) ? null : fold(name.strip());
		var matching = new ArrayList<UnitStanding>();
		for (var standing : breakdown) {
			var unit = standing.unit();
			if (ward != null && !ward.equals(unit.wardId()) && unit.unitId() != ward) {
				continue;
			}
			if (wanted != null && !fold(unit.name()).contains(wanted) && !fold(unit.code()).contains(wanted)) {
				continue;
			}
			matching.add(standing);
		}
		int pages = Math.max(1, (matching.size() + SIZE - 1) / SIZE);
		int number = Math.min(Math.max(page, 1), pages);
		int from = (number - 1) * SIZE;
		int to = Math.min(from + SIZE, matching.size());
		var links = new ArrayList<Link>();
		for (int n = 1; n <= pages; n++) {
			if (n == 1 || n == pages || Math.abs(n - number) <= 2) {
				links.add(new Link(n, href.apply(n), n == number));
			}
			else if (links.get(links.size() - 1) != null) {
				links.add(null);
			}
		}
		return new BreakdownPage(matching.subList(from, to), number, pages, matching.size(), breakdown.size(),
				(to > from) ? from + 1 : 0, to, links);
	}

	/**
	 * @return whether the list is long enough to need its search (more than a page)
	 */
	public boolean searchable() {
		return this.total > SIZE;
	}

	/**
	 * @return the previous page's link, null on the first
	 */
	public Link previous() {
		return (this.number > 1) ? link(this.number - 1) : null;
	}

	/**
	 * @return the next page's link, null on the last
	 */
	public Link next() {
		return (this.number < this.pages) ? link(this.number + 1) : null;
	}

	private Link link(int n) {
		return this.links.stream().filter((l) -> l != null && l.number() == n).findFirst().orElseThrow();
	}

	/**
	 * A name as it is compared: lower case, without accents, "đ" as "d" (staff often type
	 * "bo de" for "Bồ Đề").
	 */
	static String fold(String text) {
		var plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		return plain.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
	}

	/**
	 * A page to go to.
	 *
	 * @param number its number
	 * @param href its address
	 * @param current whether it is the page shown
	 */
	record Link(int number, String href, boolean current) {
	}

}

package vn.chitieu.orgunit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.chitieu.orgunit.ReorganisationException.Problem;
import vn.chitieu.orgunit.ReorganisationPlan.NewWard;
import vn.chitieu.orgunit.ReorganisationPreview.OldWard;
import vn.chitieu.orgunit.ReorganisationPreview.SchoolMove;
import vn.chitieu.orgunit.ReorganisationPreview.Target;

/**
 * Checks a reorganisation against the district as it is and tells what it will change:
 * plain rules on plain data, so that each can be tested alone.
 */
final class ReorganisationRules {

	static final int MAX_REFERENCE = 300;

	static final int MAX_NOTE = 2000;

	static final int MAX_NAME = 200;

	private ReorganisationRules() {
	}

	/**
	 * The district as a reorganisation from a given year finds it.
	 *
	 * @param wards every ward, open or closed
	 * @param codes every unit code in use
	 * @param schools the schools that count in the effective year or later, each in its
	 * ward of the effective year
	 * @param reportedFrom for each unit with a submission for the effective year or
	 * later, the first such year
	 * @param lastMove for each school that moved before, the last year it moved from
	 * @param latestYear the latest school year opened
	 */
	record Facts(List<Ward> wards, Set<String> codes, List<School> schools, Map<Long, Integer> reportedFrom,
			Map<Long, Integer> lastMove, int latestYear) {
	}

	/**
	 * Checks a plan.
	 * @param plan what the Office typed
	 * @param facts the district
	 * @return what will change
	 * @throws ReorganisationException with every reason, if it cannot be right
	 */
	static ReorganisationPreview check(ReorganisationPlan plan, Facts facts) {
		var problems = new ArrayList<Problem>();
		Integer year = plan.effectiveYear();
		if (year == null || year < OrgUnits.FIRST_YEAR || year > facts.latestYear() + 1) {
			problems.add(Problem.of("effectiveYear", "reorg.year.range", facts.latestYear() + 1));
			throw new ReorganisationException(problems);
		}
		var reference = (plan.reference() != null) ? plan.reference().strip() : "";
		if (reference.isEmpty()) {
			problems.add(Problem.of("reference", "reorg.reference.required"));
		}
		else if (reference.length() > MAX_REFERENCE || hasControl(reference)) {
			problems.add(Problem.of("reference", "reorg.reference.invalid", MAX_REFERENCE));
		}
		var note = (plan.note() != null) ? plan.note().strip() : "";
		if (note.length() > MAX_NOTE || hasControl(note)) {
			problems.add(Problem.of("note", "reorg.note.invalid", MAX_NOTE));
		}
		Map<Long, Ward> wards = facts.wards().stream().collect(Collectors.toMap(Ward::id, Function.identity()));
		Map<String, Ward> wardsByCode = new HashMap<>();
		facts.wards().forEach((w) -> wardsByCode.put(w.code().toUpperCase(Locale.ROOT), w));
		var sy = SchoolYear.of(year);
		// The new wards.
		var newWards = new ArrayList<NewWard>();
		var newCodes = new HashSet<String>();
		var takenCodes = facts.codes().stream().map((c) -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
		var list = (plan.newWards() != null) ? plan.newWards() : List.<NewWard>of();
		for (int i = 0; i < list.size(); i++) {
			var nw = list.get(i);
			var code = (nw.code() != null) ? nw.code().strip() : "";
			var name = (nw.name() != null) ? nw.name().strip() : "";
			if (code.isEmpty() && name.isEmpty()) {
				continue;
			}
			if (!OrgUnits.CODE.matcher(code).matches()) {
				problems.add(Problem.of("newCode" + i, "unit.code.format"));
			}
			else if (takenCodes.contains(code.toUpperCase(Locale.ROOT))) {
				problems.add(Problem.of("newCode" + i, "reorg.code.taken", code));
			}
			else if (!newCodes.add(code.toUpperCase(Locale.ROOT))) {
				problems.add(Problem.of("newCode" + i, "reorg.code.twice", code));
			}
			if (name.isEmpty() || name.length() > MAX_NAME || hasControl(name)) {
				problems.add(Problem.of("newName" + i, "reorg.name.invalid", MAX_NAME));
			}
			newWards.add(new NewWard(code, name));
		}
		Map<String, NewWard> newByCode = new LinkedHashMap<>();
		newWards.forEach((w) -> newByCode.putIfAbsent(w.code().toUpperCase(Locale.ROOT), w));
		// The old wards and where they go.
		var successors = (plan.successors() != null) ? plan.successors() : Map.<Long, List<String>>of();
		var closing = new HashSet<Long>();
		successors.forEach((id, codes) -> {
			if (codes != null && codes.stream().anyMatch((c) -> c != null && !c.isBlank())) {
				closing.add(id);
			}
		});
		var oldWards = new ArrayList<OldWard>();
		var used = new HashSet<String>();
		for (var id : closing.stream().sorted().toList()) {
			var ward = wards.get(id);
			var field = "successor." + id;
			if (ward == null) {
				problems.add(Problem.of(field, "reorg.ward.unknown"));
				continue;
			}
			if (!ward.isInScope(sy)) {
				problems.add(Problem.of(field, "reorg.ward.notInYear", ward.name()));
				continue;
			}
			var codes = successors.get(id)
				.stream()
				.filter((c) -> c != null && !c.isBlank())
				.map(String::strip)
				.map((c) -> c.toUpperCase(Locale.ROOT))
				.distinct()
				.toList();
			var into = new ArrayList<Target>();
			for (var code : codes) {
				var created = newByCode.get(code);
				var kept = wardsByCode.get(code);
				if (created != null) {
					into.add(new Target(created.code(), created.name(), true, codes.size() > 1));
				}
				else if (kept != null && kept.id() != id && kept.isInScope(sy) && !closing.contains(kept.id())) {
					into.add(new Target(kept.code(), kept.name(), false, codes.size() > 1));
				}
				else {
					problems.add(Problem.of(field, "reorg.successor.unknown", ward.name(), code));
				}
			}
			into.forEach((t) -> used.add(t.code().toUpperCase(Locale.ROOT)));
			var reported = facts.reportedFrom().get(id);
			if (reported != null) {
				problems.add(Problem.of(field, "reorg.ward.reported", ward.name(), reported, reported + 1));
			}
			oldWards.add(new OldWard(ward, into));
		}
		if (closing.isEmpty()) {
			problems.add(Problem.of(null, "reorg.nothing"));
		}
		for (int i = 0; i < list.size(); i++) {
			var code = (list.get(i).code() != null) ? list.get(i).code().strip() : "";
			if (!code.isEmpty() && !used.contains(code.toUpperCase(Locale.ROOT)) && !closing.isEmpty()) {
				problems.add(Problem.of("newCode" + i, "reorg.newWard.unused", code));
			}
		}
		// The schools of the old wards.
		var byOld = oldWards.stream().collect(Collectors.toMap((o) -> o.ward().id(), Function.identity()));
		var chosen = (plan.schoolWards() != null) ? plan.schoolWards() : Map.<Long, String>of();
		var schools = new ArrayList<>(facts.schools());
		schools.sort(Comparator.comparing(School::wardName, VietnameseCollator.INSTANCE)
			.thenComparing(OrgUnits.SCHOOL_ORDER));
		var moves = new ArrayList<SchoolMove>();
		for (var school : schools) {
			var old = byOld.get(school.wardId());
			if (old == null) {
				continue;
			}
			var field = "school." + school.id();
			var choice = chosen.get(school.id());
			String to = null;
			if (choice != null && !choice.isBlank()) {
				var match = old.into().stream().filter((t) -> t.code().equalsIgnoreCase(choice.strip())).findFirst();
				if (match.isPresent()) {
					to = match.get().code();
				}
				else {
					problems.add(Problem.of(field, "reorg.school.notSuccessor", school.name(), old.ward().name()));
				}
			}
			else if (old.into().size() == 1) {
				to = old.into().get(0).code();
			}
			else if (!old.into().isEmpty()) {
				problems.add(Problem.of(field, "reorg.school.required", school.name(), old.ward().name()));
			}
			var reported = facts.reportedFrom().get(school.id());
			if (reported != null) {
				problems.add(Problem.of(field, "reorg.school.reported", school.name(), reported, reported + 1));
			}
			var moved = facts.lastMove().get(school.id());
			if (moved != null && moved > year) {
				problems.add(Problem.of(field, "reorg.school.laterMove", school.name(), moved, moved + 1));
			}
			moves.add(new SchoolMove(school, to, old.into()));
		}
		var preview = new ReorganisationPreview(sy, reference, note.isEmpty() ? null : note, newWards, oldWards, moves);
		if (!problems.isEmpty()) {
			throw new ReorganisationException(problems, preview);
		}
		return preview;
	}

	private static boolean hasControl(String text) {
		return text.chars().anyMatch((c) -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F);
	}

}

package vn.chitieu.orgunit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.chitieu.orgunit.ReorganisationException.Problem;
import vn.chitieu.orgunit.ReorganisationPlan.NewWard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules of a reorganisation, each on its own: a small district of three wards (A, B,
 * C) with a school in each, school years up to 2024-2025.
 */
class ReorganisationRulesTest {

	static final Ward A = new Ward(1, "P-A", "Phường A", null, null);

	static final Ward B = new Ward(2, "P-B", "Phường B", null, null);

	static final Ward C = new Ward(3, "P-C", "Phường C", null, null);

	static final Ward OLD = new Ward(4, "P-OLD", "Phường Cũ", null, 2020);

	static final School SA = school(11, "TH-A", A);

	static final School SB = school(12, "TH-B", B);

	static final School SC = school(13, "TH-C", C);

	Map<Long, Integer> reported = new HashMap<>();

	Map<Long, Integer> lastMove = new HashMap<>();

	@Test
	void shouldMergeTwoWardsIntoANewOneAndPlaceTheirSchools() {
		var preview = check(plan(2025, List.of(new NewWard("P-AB", "Phường AB")),
				Map.of(1L, List.of("P-AB"), 2L, List.of("p-ab")), Map.of()));
		assertThat(preview.effective()).isEqualTo(SchoolYear.of(2025));
		assertThat(preview.oldWards()).extracting((o) -> o.ward().code()).containsExactly("P-A", "P-B");
		assertThat(preview.oldWards()).allMatch((o) -> o.into().size() == 1 && !o.into().get(0).part());
		// Prefilled: each old ward goes wholly into one ward.
		assertThat(preview.schools()).extracting((m) -> m.school().code() + ">" + m.toCode())
			.containsExactlyInAnyOrder("TH-A>P-AB", "TH-B>P-AB");
	}

	@Test
	void shouldSplitAWardAndAskWhereEachSchoolGoes() {
		var plan = plan(2025, List.of(new NewWard("P-X", "Phường X")), Map.of(1L, List.of("P-X", "P-C")), Map.of());
		var refused = refused(plan);
		assertThat(refused.problems()).extracting(Problem::field, Problem::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("school.11", "reorg.school.required"));
		// The form still shows the school to place, with its choices.
		assertThat(refused.partial().schools()).singleElement()
			.satisfies((m) -> assertThat(m.choices()).extracting((t) -> t.code() + (t.part() ? "*" : ""))
				.containsExactly("P-X*", "P-C*"));
		var placed = check(plan(2025, List.of(new NewWard("P-X", "Phường X")), Map.of(1L, List.of("P-X", "P-C")),
				Map.of(11L, "P-C")));
		assertThat(placed.schools()).extracting((m) -> m.toCode()).containsExactly("P-C");
		// A ward that is not one of its successors is refused.
		assertThat(refused(plan(2025, List.of(new NewWard("P-X", "Phường X")), Map.of(1L, List.of("P-X", "P-C")),
				Map.of(11L, "P-B")))
			.problems()).extracting(Problem::key).containsExactly("reorg.school.notSuccessor");
	}

	@Test
	void shouldRefuseAYearWithFiguresOfTheWardsOrSchoolsConcerned() {
		this.reported.put(1L, 2025);
		this.reported.put(12L, 2026);
		var refused = refused(plan(2025, List.of(new NewWard("P-AB", "Phường AB")),
				Map.of(1L, List.of("P-AB"), 2L, List.of("P-AB")), Map.of()));
		assertThat(refused.problems()).extracting(Problem::key)
			.containsExactlyInAnyOrder("reorg.ward.reported", "reorg.school.reported");
		// Figures of a ward not concerned do not matter.
		this.reported.clear();
		this.reported.put(3L, 2025);
		assertThat(check(plan(2025, List.of(new NewWard("P-AB", "Phường AB")),
				Map.of(1L, List.of("P-AB"), 2L, List.of("P-AB")), Map.of()))
			.oldWards()).hasSize(2);
	}

	@Test
	void shouldRefuseAYearOutOfRangeBeforeAnythingElse() {
		for (var year : new Integer[] { null, 1899, 2026 + 1 }) {
			var refused = refused(plan(year, List.of(), Map.of(), Map.of()));
			assertThat(refused.problems()).extracting(Problem::key).containsExactly("reorg.year.range");
			assertThat(refused.partial()).isNull();
		}
	}

	@Test
	void shouldRefuseBadCodesAndNames() {
		var refused = refused(
				plan(2025,
						List.of(new NewWard("P-B", "Phường B2"), new NewWard("P X", "Phường X"),
								new NewWard("P-Y", "Y1"), new NewWard("p-y", "Y2"), new NewWard("P-Z", "")),
						Map.of(1L, List.of("P-Y")), Map.of()));
		assertThat(refused.problems()).extracting(Problem::field, Problem::key)
			.contains(org.assertj.core.groups.Tuple.tuple("newCode0", "reorg.code.taken"),
					org.assertj.core.groups.Tuple.tuple("newCode1", "unit.code.format"),
					org.assertj.core.groups.Tuple.tuple("newCode3", "reorg.code.twice"),
					org.assertj.core.groups.Tuple.tuple("newName4", "reorg.name.invalid"));
	}

	@Test
	void shouldRefuseUnknownSuccessorsClosedWardsAndNothingToDo() {
		assertThat(refused(plan(2025, List.of(), Map.of(1L, List.of("P-NOWHERE")), Map.of())).problems())
			.extracting(Problem::key)
			.containsExactly("reorg.successor.unknown");
		// A ward that is itself merged cannot receive another.
		assertThat(refused(plan(2025, List.of(), Map.of(1L, List.of("P-B"), 2L, List.of("P-C")), Map.of())).problems())
			.extracting(Problem::key)
			.containsExactly("reorg.successor.unknown");
		// A ward closed before cannot be reorganised, nor receive.
		assertThat(refused(plan(2025, List.of(), Map.of(4L, List.of("P-C")), Map.of())).problems())
			.extracting(Problem::key)
			.containsExactly("reorg.ward.notInYear");
		assertThat(refused(plan(2025, List.of(), Map.of(), Map.of())).problems()).extracting(Problem::key)
			.containsExactly("reorg.nothing");
		assertThat(refused(plan(2025, List.of(new NewWard("P-N", "Phường N")), Map.of(1L, List.of("P-C")), Map.of()))
			.problems()).extracting(Problem::key).containsExactly("reorg.newWard.unused");
	}

	@Test
	void shouldKeepAnExistingWardThatReceivesAnother() {
		var preview = check(plan(2025, List.of(), Map.of(1L, List.of("P-C")), Map.of()));
		assertThat(preview.newWards()).isEmpty();
		assertThat(preview.oldWards().get(0).into()).extracting((t) -> t.code() + "/" + t.isNew())
			.containsExactly("P-C/false");
		assertThat(preview.schools()).extracting((m) -> m.school().code() + ">" + m.toCode())
			.containsExactly("TH-A>P-C");
	}

	@Test
	void shouldRefuseAMoveBeforeALaterOne() {
		this.lastMove.put(11L, 2026);
		assertThat(refused(plan(2025, List.of(), Map.of(1L, List.of("P-C")), Map.of())).problems())
			.extracting(Problem::key)
			.containsExactly("reorg.school.laterMove");
	}

	@Test
	void shouldRefuseAMissingReferenceAndControlCharacters() {
		var plan = new ReorganisationPlan(2025, " ", "a\u0000b", List.of(), Map.of(1L, List.of("P-C")), Map.of());
		assertThat(refused(plan).problems()).extracting(Problem::key)
			.containsExactly("reorg.reference.required", "reorg.note.invalid");
	}

	private ReorganisationPreview check(ReorganisationPlan plan) {
		return ReorganisationRules.check(plan, facts());
	}

	private ReorganisationException refused(ReorganisationPlan plan) {
		var ex = catchThrowableOfType(ReorganisationException.class, () -> ReorganisationRules.check(plan, facts()));
		assertThat(ex).as("refused").isNotNull();
		return ex;
	}

	private ReorganisationRules.Facts facts() {
		return new ReorganisationRules.Facts(List.of(A, B, C, OLD),
				Set.of("P-A", "P-B", "P-C", "P-OLD", "TH-A", "TH-B", "TH-C"), new ArrayList<>(List.of(SA, SB, SC)),
				this.reported, this.lastMove, 2025);
	}

	private static ReorganisationPlan plan(Integer year, List<NewWard> newWards, Map<Long, List<String>> successors,
			Map<Long, String> schools) {
		return new ReorganisationPlan(year, "Nghị quyết 1656/NQ-UBTVQH15", null, newWards, successors, schools);
	}

	private static School school(long id, String code, Ward ward) {
		return new School(id, code, "Trường " + code, Set.of(EducationLevel.TH), Ownership.PUBLIC, ward.id(),
				ward.name(), null, true, null);
	}

}

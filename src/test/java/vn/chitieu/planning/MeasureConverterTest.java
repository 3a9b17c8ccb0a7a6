package vn.chitieu.planning;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures stored as JSON: the rows written when a measure was one record with every
 * field (null where unused) read back as the record of their kind, and every kind
 * round-trips with its kind in a {@code "kind"} property and nothing it does not use.
 */
class MeasureConverterTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Scope PRIMARY = new Scope(UnitKind.SCHOOL, Set.of(EducationLevel.TH), null, false);

	private static final Scope SCHOOLS = new Scope(UnitKind.SCHOOL, Set.of(), null, false);

	private static final Scope WARDS = new Scope(UnitKind.WARD, Set.of(), null, false);

	private static final Scope DISTRICT = new Scope(UnitKind.DISTRICT, Set.of(), null, false);

	private final MeasureConverter converter = new MeasureConverter();

	/** Rows as the single record wrote them, and what they are. */
	static Stream<Arguments> oldRows() {
		return Stream.of(
				Arguments.of("""
						{"kind":"RATIO","scope":{"unit":"SCHOOL","levels":["MN"],"ownership":null,"newOnly":false},\
						"numerator":"children_nursery_enrolled","denominator":"population_age_0_2","condition":null,\
						"among":null,"value":null,"items":[]}""",
						new Measure.Ratio(
								new Scope(UnitKind.SCHOOL, Set.of(EducationLevel.MN), null, false),
								"children_nursery_enrolled", "population_age_0_2")),
				Arguments.of("""
						{"kind":"AVERAGE","scope":{"unit":"SCHOOL","levels":["TH"],"ownership":null,"newOnly":false},\
						"numerator":"pupils","denominator":"classes","condition":null,"among":null,"value":null,\
						"items":[]}""", new Measure.Average(PRIMARY, "pupils", "classes")),
				Arguments.of("""
						{"kind":"SUM","scope":{"unit":"SCHOOL","levels":[],"ownership":null,"newOnly":false},\
						"numerator":null,"denominator":null,"condition":null,"among":null,\
						"value":"food_poisoning_incidents","items":[]}""",
						new Measure.Sum(SCHOOLS, "food_poisoning_incidents")),
				Arguments.of("""
						{"kind":"SHARE","scope":{"unit":"SCHOOL","levels":["TH"],"ownership":null,"newOnly":false},\
						"numerator":null,"denominator":null,"condition":"land_area_m2 / pupils >= 10","among":null,\
						"value":null,"items":[]}""", new Measure.Share(PRIMARY, "land_area_m2 / pupils >= 10", null)),
				Arguments.of("""
						{"kind":"SHARE","scope":{"unit":"SCHOOL","levels":["TH"],"ownership":"PUBLIC","newOnly":false},\
						"numerator":null,"denominator":null,"condition":"is_national_standard",\
						"among":"pupils >= 1","value":null,"items":[]}""",
						new Measure.Share(
								new Scope(UnitKind.SCHOOL, Set.of(EducationLevel.TH), Ownership.PUBLIC, false),
								"is_national_standard", "pupils >= 1")),
				Arguments.of("""
						{"kind":"COUNT","scope":{"unit":"WARD","levels":[],"ownership":null,"newOnly":false},\
						"numerator":null,"denominator":null,"condition":"universal_primary_level >= 3","among":null,\
						"value":null,"items":[]}""", new Measure.Count(WARDS, "universal_primary_level >= 3")),
				Arguments.of("""
						{"kind":"COUNT","scope":{"unit":"SCHOOL","levels":["MN"],"ownership":"PUBLIC","newOnly":true},\
						"numerator":null,"denominator":null,"condition":null,"among":null,"value":null,"items":[]}""",
						new Measure.Count(new Scope(UnitKind.SCHOOL, Set.of(EducationLevel.MN), Ownership.PUBLIC, true),
								null)),
				Arguments.of("""
						{"kind":"CHECKLIST","scope":{"unit":"SCHOOL","levels":[],"ownership":null,"newOnly":false},\
						"numerator":null,"denominator":null,"condition":"national_standard_reaccredited",\
						"among":null,"value":null,"items":[{"school":"MN-TUOIHOA","name":"MN Tuổi Hoa",\
						"condition":null},{"school":"TH-BODE","name":"TH Bồ Đề","condition":"is_e_school"}]}""",
						new Measure.Checklist(SCHOOLS, "national_standard_reaccredited",
								List.of(new ChecklistItem("MN-TUOIHOA", "MN Tuổi Hoa", null),
										new ChecklistItem("TH-BODE", "TH Bồ Đề", "is_e_school")))),
				Arguments.of("""
						{"kind":"DISTRICT","scope":{"unit":"DISTRICT","levels":[],"ownership":null,"newOnly":false},\
						"numerator":null,"denominator":null,"condition":null,"among":null,\
						"value":"district.competition_indicators_excellent","items":[]}""",
						new Measure.District(DISTRICT, "district.competition_indicators_excellent")));
	}

	@ParameterizedTest
	@MethodSource("oldRows")
	void shouldReadARowWrittenByTheSingleRecordAsTheRecordOfItsKind(String json, Measure expected) {
		var measure = this.converter.convertToEntityAttribute(json);

		assertThat(measure).isEqualTo(expected).hasSameHashCodeAs(expected);
		assertThat(measure.kind().name()).isEqualTo(JSON.readTree(json).get("kind").asString());
	}

	@ParameterizedTest
	@MethodSource("oldRows")
	void shouldWriteEachKindWithItsKindAndOnlyWhatItUsesAndReadItBack(String old, Measure measure) {
		var json = this.converter.convertToDatabaseColumn(measure);

		var tree = JSON.readTree(json);
		var names = new ArrayList<String>();
		tree.propertyNames().forEach(names::add);
		var components = Stream.of(measure.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
		assertThat(names)
			.containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of("kind"), components.stream()).toList());
		assertThat(tree.get("kind").asString()).isEqualTo(measure.kind().name());
		assertThat(this.converter.convertToEntityAttribute(json)).isEqualTo(measure);
	}

	@Test
	void shouldHaveExactlyOneRecordForEveryKind() throws ReflectiveOperationException {
		var kinds = EnumSet.noneOf(MeasureKind.class);
		var records = records(Measure.class);
		for (var type : records) {
			var types = Stream.of(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
			var measure = (Measure) type.getDeclaredConstructor(types).newInstance(new Object[types.length]);
			assertThat(kinds.add(measure.kind())).as("%s has a kind of its own", type.getSimpleName()).isTrue();
			var json = this.converter.convertToDatabaseColumn(measure);
			assertThat(this.converter.convertToEntityAttribute(json)).isInstanceOf(type);
		}
		assertThat(kinds).isEqualTo(EnumSet.allOf(MeasureKind.class));
		assertThat(records).hasSize(MeasureKind.values().length);
	}

	@Test
	void shouldCompareMeasuresByValueSoThatTheyCanKeyACache() {
		var first = new Measure.Checklist(SCHOOLS, "is_e_school", List.of(new ChecklistItem("A", "A", null)));
		var second = new Measure.Checklist(new Scope(UnitKind.SCHOOL, Set.of(), null, false), "is_e_school",
				new ArrayList<>(List.of(new ChecklistItem("A", "A", null))));

		assertThat(Map.of(first, 1)).containsEntry(second, 1);
		assertThat(new Measure.Ratio(SCHOOLS, "a", "b")).isNotEqualTo(new Measure.Average(SCHOOLS, "a", "b"));
	}

	private static List<Class<?>> records(Class<?> sealed) {
		var found = new ArrayList<Class<?>>();
		for (var type : sealed.getPermittedSubclasses()) {
			if (type.isRecord()) {
				found.add(type);
			}
			else {
				found.addAll(records(type));
			}
		}
		return found;
	}

}

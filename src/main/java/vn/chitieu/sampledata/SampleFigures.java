package vn.chitieu.sampledata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

import vn.chitieu.dataentry.FigureKey;
import vn.chitieu.dataentry.SubmissionStatus;
import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.sampledata.SampleRoster.SchoolSpec;
import vn.chitieu.sampledata.SampleRoster.WardSpec;

/**
 * Generates the sample district's figures, reproducibly: every random draw comes from a
 * generator seeded with {@link #SEED} and the school (or ward) and year concerned, so the
 * same figures come out on every machine. The figures are plausible rather than real:
 * most schools move towards the targets, some clearly lag, the latest year is incomplete.
 */
final class SampleFigures {

	/** The seed of everything: the date of Kế hoạch 157/KH-UBND. */
	static final long SEED = 20220328L;

	static final int FIRST_YEAR = 2018;

	static final int LAST_YEAR = 2024;

	/** The comments of the Office on the submissions it returned in the latest year. */
	static final List<String> RETURN_COMMENTS = List.of(
			"Số giáo viên đạt chuẩn nghề nghiệp mức tốt chưa khớp với báo cáo đánh giá cuối năm. Đề nghị nhà trường kiểm tra lại.",
			"Diện tích đất khác với hồ sơ năm trước; đề nghị bổ sung minh chứng trước khi gửi lại.");

	/** The evidence note of the sample district figures. */
	static final String DISTRICT_NOTE = "Dữ liệu mẫu — số liệu minh họa, không phải số liệu công bố.";

	private final List<SchoolSpec> schools;

	private final Map<String, Profile> profiles = new HashMap<>();

	/** For each level, the schools in the order they become e-schools, smart, level 2. */
	private final Map<String, List<String>> rankings = new HashMap<>();

	SampleFigures(List<SchoolSpec> schools) {
		this.schools = schools;
		for (var school : schools) {
			for (var level : school.levels()) {
				this.profiles.put(key(school.code(), level), new Profile(school, level));
			}
		}
		for (var level : EducationLevel.values()) {
			var ranked = schools.stream()
				.filter((s) -> s.levels().contains(level))
				.sorted(Comparator.comparingDouble((SchoolSpec s) -> -profile(s, level).quality)
					.thenComparing(SchoolSpec::code))
				.map(SchoolSpec::code)
				.toList();
			this.rankings.put(level.name(), ranked);
		}
	}

	/**
	 * The figures of a school for one of its levels and a year, for every metric the
	 * generator knows; the caller keeps those in use that year.
	 */
	Map<String, BigDecimal> school(SchoolSpec school, EducationLevel level, int year) {
		var p = profile(school, level);
		var r = random("school-year", school.code() + level + year);
		var v = new LinkedHashMap<String, BigDecimal>();
		int k = year - FIRST_YEAR;
		var ward = ward(school.wardCode(), year);
		double share = share(school, level, year);
		boolean behind = p.behind;
		// Staff common to every level.
		int classes;
		switch (level) {
			case MN -> {
				long nursery = Math.round(share * ward.age0to2 * (0.52 + 0.018 * k + noise(r, 0.01)));
				long kindergarten = Math.round(share * ward.age3to5 * (0.985 + 0.003 * k + noise(r, 0.005)));
				long age5 = Math.min(kindergarten,
						Math.round(share * ward.age5 * (0.995 + 0.002 * k + noise(r, 0.004))));
				long children = nursery + kindergarten;
				classes = (int) Math.max(1, Math.round(children / p.classSize));
				put(v, "children_nursery_enrolled", nursery);
				put(v, "children_kindergarten_enrolled", kindergarten);
				put(v, "children_age5_enrolled", age5);
				put(v, "children_age_3_4_enrolled", kindergarten - age5);
				put(v, "children_age5_two_sessions", Math.max(0, age5 - r.nextInt(2)));
				put(v, "children_enrolled", children);
				put(v, "classes", classes);
				put(v, "classes_two_sessions", Math.max(0, classes - ((behind && k < 6) ? r.nextInt(3) : 0)));
				double malnutrition = Math.max(0.012, 0.047 - 0.004 * k * p.pace);
				put(v, "children_malnourished", Math.round(children * malnutrition));
				put(v, "children_meeting_development_standard",
						Math.min(children, Math.round(children * (0.915 + 0.007 * k * p.quality))));
				put(v, "land_area_m2", Math.round(plannedSize(school, level) * p.landPerPupil));
				put(v, "children_eligible_school_milk", children);
				put(v, "children_in_school_milk", Math.round(children * (0.86 + 0.09 * r.nextDouble())));
				yes(v, "has_sufficient_equipment", flip(p, "equipment", 6, 2017) <= year);
				yes(v, "has_library", flip(p, "library", 7, 2018) <= year);
				yes(v, "has_standard_sanitation_water", flip(p, "sanitation", 5, 2016) <= year);
				yes(v, "has_website", flip(p, "website", 4, 2016) <= year);
				yes(v, "has_children_computer_room", flip(p, "computers", 8, 2018) <= year);
				yes(v, "applies_it_model", flip(p, "it", 6, 2017) <= year);
				yes(v, "serves_industrial_park_workers",
						school.ownership() == Ownership.PUBLIC && school.wardCode().equals("P-GIANGBIEN")
								&& year >= 2022 && firstOfLevelInWard(school, level));
				yes(v, "applies_montessori", flip(p, "montessori", 6, 2016) <= year);
				put(v, "managers", (children > 450) ? 4 : (children < 200) ? 2 : 3);
				put(v, "teachers", Math.round(classes * 2.05));
				put(v, "support_staff", 4 + Math.round(classes * 0.6));
				int managers = v.get("managers").intValue();
				int teachers = v.get("teachers").intValue();
				put(v, "managers_university_plus", managers - ((behind && k < 2) ? 1 : 0));
				put(v, "managers_meeting_principal_standard", managers - ((behind && k < 4) ? 1 : 0));
				put(v, "teachers_meeting_training_standard",
						Math.min(teachers, Math.round(teachers * (0.94 + 0.01 * k))));
				put(v, "teachers_university_plus", Math.round(teachers * Math.min(0.95, 0.52 + 0.04 * k * p.pace)));
				put(v, "teachers_standard_fair_plus", Math.min(teachers, Math.round(teachers * (0.94 + 0.01 * k))));
				put(v, "teachers_standard_good", Math.min(v.get("teachers_standard_fair_plus").longValue(),
						Math.round(teachers * (0.30 + 0.025 * k * p.pace))));
				long staff = managers + teachers + v.get("support_staff").longValue();
				put(v, "staff_trained_ethics_professional", staff - (behind ? 1 : 0));
			}
			case TH -> {
				long inAge = Math.round(share * ward.age6to10 * (0.995 + 0.003 * k + noise(r, 0.004)));
				long pupils = inAge + Math.round(inAge * 0.012);
				classes = (int) Math.max(1, Math.round(pupils / p.classSize));
				put(v, "pupils_age_6_10", inAge);
				pupils(v, r, p, pupils, classes, k, 0.955, 0.008);
				long grade = Math.round(pupils * 0.2);
				put(v, "grade3_pupils", grade);
				put(v, "grade4_pupils", grade);
				put(v, "grade5_pupils", grade);
				put(v, "grade3_can_swim", Math.round(grade * (0.60 + 0.18 * p.quality)));
				put(v, "grade4_can_swim", Math.round(grade * (0.70 + 0.16 * p.quality)));
				put(v, "grade5_can_swim", Math.round(grade * (0.83 + 0.11 * p.quality)));
				put(v, "grade3_site_visits", Math.round(grade * (0.9 + 0.1 * p.quality)));
				put(v, "children_eligible_school_milk", pupils);
				put(v, "children_in_school_milk", Math.round(pupils * (0.85 + 0.1 * r.nextDouble())));
				yes(v, "has_standard_sanitation_water", flip(p, "sanitation", 5, 2016) <= year);
				staff(v, r, p, k, classes, 1.5, 0.25);
			}
			case THCS -> {
				long inAge = Math.round(share * ward.age11to14 * (0.99 + 0.004 * k + noise(r, 0.004)));
				long pupils = Math.round(inAge * 1.015);
				classes = (int) Math.max(1, Math.round(pupils / p.classSize));
				put(v, "pupils_age_11_14", inAge);
				pupils(v, r, p, pupils, classes, k, 0.58 + 0.12 * p.quality, 0.03);
				long grade9 = Math.round(pupils * 0.24);
				put(v, "grade6_pupils", Math.round(pupils * 0.26));
				put(v, "grade6_site_visits", Math.round(pupils * 0.26 * (0.9 + 0.1 * p.quality)));
				put(v, "grade9_pupils", grade9);
				put(v, "grade9_graduated", grade9 - ((r.nextDouble() < 0.3) ? 1 : 0));
				long candidates = Math.round(grade9 * 0.97);
				put(v, "grade10_candidates", candidates);
				put(v, "grade10_passed",
						Math.round(candidates * Math.min(0.97, 0.64 + 0.22 * p.quality + 0.004 * k + noise(r, 0.02))));
				put(v, "japanese_pilot_classes_g6_7", japaneseClasses(school.code()));
				yes(v, "has_dual_diploma_programme", school.code().equals("THCS-GIATHUY") && year >= 2022);
				staff(v, r, p, k, classes, 1.95, 0.35);
				int teachers = v.get("teachers").intValue();
				put(v, "teachers_masters_plus", Math.round(teachers * Math.min(0.16, 0.06 + 0.011 * k * p.pace)));
			}
			default -> throw new IllegalStateException();
		}
		// What every level reports.
		int managers = v.get("managers").intValue();
		int teachers = v.get("teachers").intValue();
		long staff = managers + teachers + v.get("support_staff").longValue();
		put(v, "managers_meeting_competency_framework", managers - ((behind && k < 5) ? 1 : 0));
		put(v, "teachers_meeting_competency_framework", Math.round(teachers * Math.min(1.0, 0.86 + 0.02 * k * p.pace)));
		put(v, "support_staff_meeting_competency_framework",
				Math.round(v.get("support_staff").longValue() * (0.88 + 0.09 * p.quality)));
		long candidates = 2 + random("candidates", school.code() + level).nextInt(4);
		put(v, "management_candidates", candidates);
		put(v, "management_candidates_trained", candidates - ((k < 4 && r.nextBoolean()) ? 1 : 0));
		put(v, "staff_in_right_position", staff - ((k < 3) ? r.nextInt(3) : behind ? r.nextInt(2) : 0));
		yes(v, "is_e_school", eSchoolSince(school, level) <= year);
		yes(v, "is_smart_school", smartSince(school) <= year);
		boolean highQuality = highQualitySince(school) <= year;
		yes(v, "is_high_quality", highQuality);
		yes(v, "on_high_quality_roadmap", !highQuality && roadmapSince(school) <= year);
		put(v, "national_standard_level", standardLevel(school, level, year));
		yes(v, "national_standard_reaccredited", year == 2019 && REACCREDITED.contains(school.code()));
		yes(v, "major_renovation_done", year == 2019 && school.code().equals("TH-DOTHI-VIETHUNG"));
		yes(v, "recognised_green_school", flip(p, "green", 7, 2017) <= year);
		yes(v, "recognised_safe_school", flip(p, "safe", 6, 2017) <= year);
		yes(v, "has_modern_facilities_it", flip(p, "modern", 8, 2018) <= year);
		yes(v, "practises_civilised_lifestyle_food_safety", !(year == 2019 && school.code().equals("MN-MAU-05")));
		yes(v, "has_compliant_food_contract", !(year == 2019 && school.code().equals("MNTT-MAU-02")));
		put(v, "food_poisoning_incidents", (year == 2019 && school.code().equals("MNTT-MAU-04")) ? 1 : 0);
		yes(v, "free_of_single_use_plastic", flip(p, "plastic", 3, 2017) <= year);
		yes(v, "has_friendly_toilets", flip(p, "toilets", 10, 2016) <= year);
		if (level != EducationLevel.MN) {
			put(v, "land_area_m2", Math.round(plannedSize(school, level) * p.landPerPupil));
			put(v, "pupils_health_insured", Math.round(v.get("pupils").longValue() * (0.975 + 0.025 * p.quality)));
		}
		return v;
	}

	/** A ward's population by age and universal-education status. */
	Map<String, BigDecimal> ward(WardSpec spec, int year) {
		var w = ward(spec.code(), year);
		var v = new LinkedHashMap<String, BigDecimal>();
		put(v, "population_age_0_2", w.age0to2);
		put(v, "population_age_3_5", w.age3to5);
		put(v, "population_age_3_4", w.age3to5 - w.age5);
		put(v, "population_age_5", w.age5);
		put(v, "population_age_6_10", w.age6to10);
		put(v, "population_age_11_14", w.age11to14);
		yes(v, "universal_preschool_age5", true);
		put(v, "universal_primary_level", (spec.code().equals("P-CUKHOI") && year <= 2020) ? 2 : 3);
		put(v, "universal_secondary_level", (spec.code().equals("P-GIANGBIEN") && year <= 2021) ? 2 : 3);
		put(v, "literacy_level", (spec.code().equals("P-CUKHOI") && year <= 2019) ? 1 : 2);
		return v;
	}

	/** The figures the Office enters for the district. */
	Map<String, BigDecimal> district(int year) {
		var v = new LinkedHashMap<String, BigDecimal>();
		int k = year - FIRST_YEAR;
		v.put("city_grade10_pass_rate", BigDecimal.valueOf(62.5 + 0.7 * k).setScale(1, RoundingMode.HALF_UP));
		v.put("region5_grade10_pass_rate", BigDecimal.valueOf(67.0 + 0.75 * k).setScale(1, RoundingMode.HALF_UP));
		put(v, "competition_indicators_excellent", 11);
		put(v, "school_construction_projects", (year == 2019) ? 6 : 5);
		return v;
	}

	/**
	 * The status each school's submission has in the latest year: a few not started, some
	 * drafts, two returned, several waiting for review, the rest approved.
	 * @return the status by school code; schools without a submission are absent
	 */
	Map<String, SubmissionStatus> latestYearStatuses() {
		var codes = new ArrayList<>(
				this.schools.stream().filter((s) -> s.isOpenIn(LAST_YEAR)).map(SchoolSpec::code).toList());
		Collections.shuffle(codes, new Random(SEED));
		var statuses = new HashMap<String, SubmissionStatus>();
		for (int i = 0; i < codes.size(); i++) {
			SubmissionStatus status;
			if (i < 4) {
				continue;
			}
			else if (i < 9) {
				status = SubmissionStatus.DRAFT;
			}
			else if (i < 11) {
				status = SubmissionStatus.RETURNED;
			}
			else if (i < 19) {
				status = SubmissionStatus.SUBMITTED;
			}
			else {
				status = SubmissionStatus.APPROVED;
			}
			statuses.put(codes.get(i), status);
		}
		return statuses;
	}

	/**
	 * The status of each ward's submission in the latest year.
	 * @return the status by ward code; wards without a submission are absent
	 */
	Map<String, SubmissionStatus> latestYearWardStatuses() {
		var codes = new ArrayList<>(SampleRoster.WARDS.stream().map(WardSpec::code).toList());
		Collections.shuffle(codes, new Random(SEED + 1));
		var statuses = new HashMap<String, SubmissionStatus>();
		for (int i = 1; i < codes.size(); i++) {
			statuses.put(codes.get(i), (i < 3) ? SubmissionStatus.SUBMITTED : SubmissionStatus.APPROVED);
		}
		return statuses;
	}

	/**
	 * When a unit's report for a year was entered: in the last weeks of the school year,
	 * at a time of its own.
	 * @param year the start year of the school year
	 * @param unitCode the unit
	 * @return the moment
	 */
	static Instant reportedAt(int year, String unitCode) {
		var r = random("reported", unitCode + year);
		return LocalDate.of(year + 1, 5, 10)
			.atTime(8, 0)
			.plusDays(r.nextInt(25))
			.plusMinutes(r.nextInt(9 * 60))
			.atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
			.toInstant();
	}

	/**
	 * Keeps part of a draft's figures: a school that has not finished typing.
	 * @param values all figures
	 * @param seedKey what the draw depends on
	 * @return about two thirds of them
	 */
	static Map<FigureKey, BigDecimal> partial(Map<FigureKey, BigDecimal> values, String seedKey) {
		var r = random("draft", seedKey);
		var kept = new LinkedHashMap<FigureKey, BigDecimal>();
		values.forEach((k, v) -> {
			if (r.nextDouble() < 0.65) {
				kept.put(k, v);
			}
		});
		return kept;
	}

	// ------------------------------------------------------------------ the parts

	private void pupils(Map<String, BigDecimal> v, Random r, Profile p, long pupils, int classes, int k,
			double twoSessionsStart, double twoSessionsPace) {
		put(v, "pupils", pupils);
		put(v, "classes", classes);
		double twoSessions = Math.min(1.0, twoSessionsStart + twoSessionsPace * k * p.pace + noise(r, 0.01));
		put(v, "pupils_two_sessions", Math.min(pupils, Math.round(pupils * twoSessions)));
	}

	private void staff(Map<String, BigDecimal> v, Random r, Profile p, int k, int classes, double teachersPerClass,
			double mastersStart) {
		int managers = (classes > 40) ? 4 : 3;
		long teachers = Math.round(classes * teachersPerClass);
		put(v, "managers", managers);
		put(v, "teachers", teachers);
		put(v, "support_staff", 6 + classes / 8);
		put(v, "managers_university_plus", managers);
		put(v, "managers_masters_plus", Math.round(managers * Math.min(0.75, mastersStart + 0.05 * k * p.pace)));
		put(v, "managers_standard_fair_plus", managers);
		put(v, "managers_standard_good", Math.min(managers, Math.round(managers * (0.4 + 0.05 * k))));
		put(v, "teachers_university_plus", Math.round(teachers * Math.min(1.0, 0.78 + 0.03 * k * p.pace)));
		long fair = Math.min(teachers, Math.round(teachers * (0.95 + 0.008 * k)));
		put(v, "teachers_standard_fair_plus", fair);
		put(v, "teachers_standard_good", Math.min(fair, Math.round(teachers * (0.24 + 0.03 * k * p.pace * p.quality))));
		put(v, "teachers_trained_new_curriculum", Math.round(teachers * Math.min(1.0, 0.7 + 0.06 * k)));
		put(v, "staff_annual_training_done",
				Math.round((managers + teachers) * Math.min(1.0, 0.96 + 0.006 * k + noise(r, 0.005))));
	}

	/** The schools the plans hold up as models: high quality, never lagging. */
	private static final Set<String> LEADING = Set.of("MN-DOTHI-SAIDONG", "MN-DOTHI-VIETHUNG", "TH-DOTHI-VIETHUNG",
			"TH-DOTHI-SAIDONG", "THCS-GIATHUY", "THCS-NGOCLAM");

	private static final Set<String> REACCREDITED = Set.of("MN-TUOIHOA", "MN-DOTHI-SAIDONG", "MN-PHUCDONG",
			"TH-GIATHUY", "TH-BODE", "TH-PHUCLOI", "THCS-PHUCDONG");

	/** E-schools the 2019-2020 plan names, and when the sample recognises them. */
	private static final Map<String, Integer> NAMED_E_SCHOOLS = Map.of("TH-NGOCTHUY", 2019, "THCS-NGOCTHUY", 2019,
			"MN-BACBIEN", 2019, "TH-NGOCLAM", 2019, "THCS-THANHAM", 2020);

	/** How many schools of each level are e-schools each year, 2018-2019 to 2024-2025. */
	private static final Map<EducationLevel, int[]> E_SCHOOLS = Map.of(EducationLevel.MN,
			new int[] { 3, 4, 5, 6, 7, 8, 9 }, EducationLevel.TH, new int[] { 6, 8, 9, 10, 11, 12, 13 },
			EducationLevel.THCS, new int[] { 5, 6, 7, 8, 9, 10, 10 });

	/**
	 * How many public schools of each level are at national standard level 2 each year.
	 */
	private static final Map<EducationLevel, int[]> LEVEL_TWO = Map.of(EducationLevel.MN,
			new int[] { 2, 2, 3, 4, 5, 6, 7 }, EducationLevel.TH, new int[] { 3, 3, 4, 5, 6, 7, 8 },
			EducationLevel.THCS, new int[] { 2, 2, 3, 4, 4, 5, 5 });

	private int eSchoolSince(SchoolSpec school, EducationLevel level) {
		var named = NAMED_E_SCHOOLS.get(school.code());
		if (named != null) {
			return named;
		}
		return sinceByRank(school, level, E_SCHOOLS.get(level), (c) -> !NAMED_E_SCHOOLS.containsKey(c),
				(year) -> (int) NAMED_E_SCHOOLS.entrySet()
					.stream()
					.filter((e) -> e.getValue() <= year && e.getKey().startsWith(level.name() + "-"))
					.count());
	}

	private int standardLevel(SchoolSpec school, EducationLevel level, int year) {
		var p = profile(school, level);
		int openedYear = (school.openedYear() != null) ? school.openedYear() : 0;
		int levelOne = Math.max(openedYear + 1, flip(p, "standard", 7, 2015));
		if (levelOne > year) {
			return 0;
		}
		if (school.ownership() == Ownership.PUBLIC
				&& sinceByRank(school, level, LEVEL_TWO.get(level), (c) -> isPublic(c), (y) -> 0) <= year) {
			return 2;
		}
		return 1;
	}

	/**
	 * The year a school joins a group that grows to the given size each year, schools
	 * joining in order of quality.
	 */
	private int sinceByRank(SchoolSpec school, EducationLevel level, int[] sizes,
			java.util.function.Predicate<String> eligible, IntFunction<Integer> alreadyIn) {
		var ranked = this.rankings.get(level.name()).stream().filter(eligible).toList();
		int rank = ranked.indexOf(school.code());
		if (rank < 0) {
			return Integer.MAX_VALUE;
		}
		for (int i = 0; i < sizes.length; i++) {
			if (rank < sizes[i] - alreadyIn.apply(FIRST_YEAR + i)) {
				return FIRST_YEAR + i;
			}
		}
		return Integer.MAX_VALUE;
	}

	private static int smartSince(SchoolSpec school) {
		return switch (school.code()) {
			case "TH-DOTHI-VIETHUNG" -> 2020;
			case "MN-DOTHI-SAIDONG" -> 2022;
			case "TH-DOTHI-SAIDONG", "THCS-GIATHUY" -> 2023;
			case "MN-DOTHI-VIETHUNG" -> 2024;
			default -> Integer.MAX_VALUE;
		};
	}

	private int highQualitySince(SchoolSpec school) {
		return switch (school.code()) {
			case "MN-DOTHI-SAIDONG", "MN-DOTHI-VIETHUNG", "TH-DOTHI-VIETHUNG", "THCS-GIATHUY" -> FIRST_YEAR;
			case "TH-DOTHI-SAIDONG" -> 2023;
			default -> isThachBanPreschool(school) ? 2024 : Integer.MAX_VALUE;
		};
	}

	private int roadmapSince(SchoolSpec school) {
		return switch (school.code()) {
			case "THCS-AIMO" -> 2022;
			case "TH-MAU-03" -> 2023;
			default -> isThachBanPreschool(school) ? 2022 : Integer.MAX_VALUE;
		};
	}

	/** The plan asks for one more high-quality preschool in Thạch Bàn ward. */
	private boolean isThachBanPreschool(SchoolSpec school) {
		return school.ownership() == Ownership.PUBLIC && school.openedYear() == null
				&& school.wardCode().equals("P-THACHBAN") && firstOfLevelInWard(school, EducationLevel.MN);
	}

	private boolean firstOfLevelInWard(SchoolSpec school, EducationLevel level) {
		return this.schools.stream()
			.filter((s) -> s.wardCode().equals(school.wardCode()) && s.levels().contains(level)
					&& s.ownership() == Ownership.PUBLIC)
			.findFirst()
			.map((s) -> s.code().equals(school.code()))
			.orElse(false);
	}

	private boolean isPublic(String code) {
		return this.schools.stream().anyMatch((s) -> s.code().equals(code) && s.ownership() == Ownership.PUBLIC);
	}

	private static long japaneseClasses(String code) {
		return switch (code) {
			case "THCS-AIMO", "THCS-GIATHUY", "THCS-SAIDONG" -> 2;
			case "THCS-NGOCLAM" -> 4;
			default -> 0;
		};
	}

	/**
	 * The children or pupils a school is expected to have in the latest year: its land
	 * was planned for them, so the land per pupil of earlier years is no smaller.
	 */
	private double plannedSize(SchoolSpec school, EducationLevel level) {
		var ward = ward(school.wardCode(), LAST_YEAR);
		double share = share(school, level, LAST_YEAR);
		return switch (level) {
			case MN -> share * (ward.age0to2 * 0.63 + ward.age3to5);
			case TH -> share * ward.age6to10 * 1.03;
			case THCS -> share * ward.age11to14 * 1.03;
		};
	}

	/**
	 * This school's share of its ward's children of a level, among the schools open that
	 * year.
	 */
	private double share(SchoolSpec school, EducationLevel level, int year) {
		double total = this.schools.stream()
			.filter((s) -> s.wardCode().equals(school.wardCode()) && s.levels().contains(level) && s.isOpenIn(year))
			.mapToDouble((s) -> weight(s, level))
			.sum();
		return weight(school, level) / total;
	}

	private double weight(SchoolSpec school, EducationLevel level) {
		double weight = profile(school, level).sizeFactor;
		return (school.ownership() == Ownership.PRIVATE) ? weight * 0.35 : weight;
	}

	/**
	 * The year a yes/no becomes yes for a school and stays so: early for good schools,
	 * late (or never, past 2024-2025) for those that lag.
	 */
	private static int flip(Profile p, String what, int span, int start) {
		var r = random("flip-" + what, p.key);
		return start + (int) Math.floor((1 - p.quality) * span + r.nextDouble() * 1.5);
	}

	private static WardPopulation ward(String code, int year) {
		var r = random("population", code);
		double base = 900 + r.nextInt(900);
		double growth = 0.01 + r.nextDouble() * 0.02;
		long age0to2 = Math.round(base * Math.pow(1 + growth, year - FIRST_YEAR));
		long age3to5 = Math.round(age0to2 * 0.97);
		long age5 = Math.round(age3to5 * 0.335);
		return new WardPopulation(age0to2, age3to5, age5, Math.round(age0to2 * 1.62), Math.round(age0to2 * 1.25));
	}

	private Profile profile(SchoolSpec school, EducationLevel level) {
		return this.profiles.get(key(school.code(), level));
	}

	private static String key(String code, EducationLevel level) {
		return code + "/" + level;
	}

	private static double noise(Random r, double amplitude) {
		return (r.nextDouble() * 2 - 1) * amplitude;
	}

	static Random random(String what, String key) {
		return new Random(SEED ^ ((long) what.hashCode() << 32) ^ key.hashCode());
	}

	private static void put(Map<String, BigDecimal> values, String metric, long value) {
		values.put(metric, BigDecimal.valueOf(value));
	}

	private static void yes(Map<String, BigDecimal> values, String metric, boolean value) {
		values.put(metric, value ? BigDecimal.ONE : BigDecimal.ZERO);
	}

	/**
	 * How a school (for one level) behaves across the years.
	 */
	private static final class Profile {

		final String key;

		/** 0 to 1: how well it does; below 0.6 it lags clearly. */
		final double quality;

		final boolean behind;

		/** How fast it improves, around 1. */
		final double pace;

		/** Its share of its ward's children relative to other schools. */
		final double sizeFactor;

		final double classSize;

		final double landPerPupil;

		Profile(SchoolSpec school, EducationLevel level) {
			this.key = key(school.code(), level);
			var r = random("profile", this.key);
			this.behind = r.nextDouble() < 0.18 && !LEADING.contains(school.code());
			this.quality = this.behind ? 0.35 + r.nextDouble() * 0.25 : 0.72 + r.nextDouble() * 0.28;
			this.pace = this.behind ? 0.55 + r.nextDouble() * 0.2 : 0.85 + r.nextDouble() * 0.35;
			this.sizeFactor = 0.7 + r.nextDouble() * 0.6;
			boolean isNew = school.openedYear() != null;
			switch (level) {
				case MN -> {
					this.classSize = this.behind ? 35.5 + r.nextDouble() * 3 : 29 + r.nextDouble() * 6.5;
					this.landPerPupil = isNew ? (this.behind ? 9.2 : 10.5 + r.nextDouble() * 3.5)
							: 7.5 + r.nextDouble() * 5.5;
				}
				case TH -> {
					this.classSize = this.behind ? 42 + r.nextDouble() * 4 : 35 + r.nextDouble() * 7;
					this.landPerPupil = 6 + r.nextDouble() * 7;
				}
				default -> {
					this.classSize = this.behind ? 43 + r.nextDouble() * 3 : 38 + r.nextDouble() * 6;
					this.landPerPupil = 6 + r.nextDouble() * 6;
				}
			}
		}

	}

	private record WardPopulation(long age0to2, long age3to5, long age5, long age6to10, long age11to14) {
	}

}

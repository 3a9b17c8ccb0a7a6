package vn.chitieu.sampledata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.chitieu.organisation.OrganisationDetails;
import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;

/**
 * Who is in the sample district: its wards and schools. The 14 wards are Long Biên's real
 * wards; schools named in the plans carry their real names (their wards are approximate);
 * every other school is plainly invented ("Mẫu 07").
 */
final class SampleRoster {

	static final String DISTRICT_CODE = "LONGBIEN";

	static final String DISTRICT_NAME = "Quận Long Biên";

	/** The Office's own settings, as its documents print them. */
	static final OrganisationDetails ORGANISATION = new OrganisationDetails("Phòng Giáo dục và Đào tạo quận Long Biên",
			"UBND QUẬN LONG BIÊN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Long Biên", "TRƯỞNG PHÒNG",
			List.of("UBND quận Long Biên;", "Sở GD&ĐT Hà Nội;", "Lưu: VT."));

	/** The 14 wards of Long Biên, in alphabetical order. */
	static final List<WardSpec> WARDS = List.of(new WardSpec("P-BODE", "Phường Bồ Đề"),
			new WardSpec("P-CUKHOI", "Phường Cự Khối"), new WardSpec("P-DUCGIANG", "Phường Đức Giang"),
			new WardSpec("P-GIATHUY", "Phường Gia Thụy"), new WardSpec("P-GIANGBIEN", "Phường Giang Biên"),
			new WardSpec("P-LONGBIEN", "Phường Long Biên"), new WardSpec("P-NGOCLAM", "Phường Ngọc Lâm"),
			new WardSpec("P-NGOCTHUY", "Phường Ngọc Thụy"), new WardSpec("P-PHUCDONG", "Phường Phúc Đồng"),
			new WardSpec("P-PHUCLOI", "Phường Phúc Lợi"), new WardSpec("P-SAIDONG", "Phường Sài Đồng"),
			new WardSpec("P-THACHBAN", "Phường Thạch Bàn"), new WardSpec("P-THUONGTHANH", "Phường Thượng Thanh"),
			new WardSpec("P-VIETHUNG", "Phường Việt Hưng"));

	/** Public preschools opened before the plans (22) and built since 2021-2022 (8). */
	static final int PUBLIC_PRESCHOOLS_OLD = 22;

	static final int PUBLIC_PRESCHOOLS_NEW = 8;

	static final int PUBLIC_PRIMARY = 28;

	static final int PUBLIC_LOWER_SECONDARY = 22;

	private SampleRoster() {
	}

	/**
	 * Every school of the sample district, in a fixed order.
	 * @return the schools
	 */
	static List<SchoolSpec> schools() {
		var schools = new ArrayList<SchoolSpec>();
		var counts = new HashMap<String, Integer>();
		// Schools named in the plans, with their real names.
		named(schools, counts, "MN-DOTHI-SAIDONG", "Trường Mầm non Đô thị Sài Đồng", "P-SAIDONG", EducationLevel.MN);
		named(schools, counts, "MN-DOTHI-VIETHUNG", "Trường Mầm non Đô thị Việt Hưng", "P-VIETHUNG", EducationLevel.MN);
		named(schools, counts, "MN-TUOIHOA", "Trường Mầm non Tuổi Hoa", "P-DUCGIANG", EducationLevel.MN);
		named(schools, counts, "MN-PHUCDONG", "Trường Mầm non Phúc Đồng", "P-PHUCDONG", EducationLevel.MN);
		named(schools, counts, "MN-GIATHUY", "Trường Mầm non Gia Thụy", "P-GIATHUY", EducationLevel.MN);
		named(schools, counts, "MN-BACBIEN", "Trường Mầm non Bắc Biên", "P-NGOCTHUY", EducationLevel.MN);
		named(schools, counts, "TH-GIATHUY", "Trường Tiểu học Gia Thụy", "P-GIATHUY", EducationLevel.TH);
		named(schools, counts, "TH-BODE", "Trường Tiểu học Bồ Đề", "P-BODE", EducationLevel.TH);
		named(schools, counts, "TH-PHUCLOI", "Trường Tiểu học Phúc Lợi", "P-PHUCLOI", EducationLevel.TH);
		named(schools, counts, "TH-NGOCTHUY", "Trường Tiểu học Ngọc Thụy", "P-NGOCTHUY", EducationLevel.TH);
		named(schools, counts, "TH-NGOCLAM", "Trường Tiểu học Ngọc Lâm", "P-NGOCLAM", EducationLevel.TH);
		named(schools, counts, "TH-DOTHI-VIETHUNG", "Trường Tiểu học Đô thị Việt Hưng", "P-VIETHUNG",
				EducationLevel.TH);
		named(schools, counts, "TH-DOTHI-SAIDONG", "Trường Tiểu học Đô thị Sài Đồng", "P-SAIDONG", EducationLevel.TH);
		named(schools, counts, "THCS-PHUCDONG", "Trường THCS Phúc Đồng", "P-PHUCDONG", EducationLevel.THCS);
		named(schools, counts, "THCS-NGOCTHUY", "Trường THCS Ngọc Thụy", "P-NGOCTHUY", EducationLevel.THCS);
		named(schools, counts, "THCS-THANHAM", "Trường THCS Thanh Am", "P-THUONGTHANH", EducationLevel.THCS);
		named(schools, counts, "THCS-BODE", "Trường THCS Bồ Đề", "P-BODE", EducationLevel.THCS);
		named(schools, counts, "THCS-AIMO", "Trường THCS Ái Mộ", "P-BODE", EducationLevel.THCS);
		named(schools, counts, "THCS-NGOCLAM", "Trường THCS Ngọc Lâm", "P-NGOCLAM", EducationLevel.THCS);
		named(schools, counts, "THCS-GIATHUY", "Trường THCS Gia Thụy", "P-GIATHUY", EducationLevel.THCS);
		named(schools, counts, "THCS-SAIDONG", "Trường THCS Sài Đồng", "P-SAIDONG", EducationLevel.THCS);
		// Invented public schools, spread so that every ward has each level.
		int named = (int) schools.stream().filter((s) -> s.levels().contains(EducationLevel.MN)).count();
		invent(schools, counts, EducationLevel.MN, PUBLIC_PRESCHOOLS_OLD - named, 1, "Trường Mầm non Mẫu %02d", null);
		for (int i = 0; i < PUBLIC_PRESCHOOLS_NEW; i++) {
			// Two new preschools open each year from 2021-2022 to 2024-2025.
			invent(schools, counts, EducationLevel.MN, 1, PUBLIC_PRESCHOOLS_OLD - named + 1 + i,
					"Trường Mầm non Mẫu %02d", 2021 + i / 2);
		}
		named = (int) schools.stream().filter((s) -> s.levels().contains(EducationLevel.TH)).count();
		invent(schools, counts, EducationLevel.TH, PUBLIC_PRIMARY - named, 1, "Trường Tiểu học Mẫu %02d", null);
		named = (int) schools.stream().filter((s) -> s.levels().contains(EducationLevel.THCS)).count();
		invent(schools, counts, EducationLevel.THCS, PUBLIC_LOWER_SECONDARY - named, 1, "Trường THCS Mẫu %02d", null);
		// A few private schools, one of them teaching two levels.
		for (int i = 1; i <= 5; i++) {
			schools.add(new SchoolSpec("MNTT-MAU-%02d".formatted(i), "Trường Mầm non tư thục Mẫu %02d".formatted(i),
					WARDS.get((i * 3) % WARDS.size()).code(), EnumSet.of(EducationLevel.MN), Ownership.PRIVATE, null));
		}
		schools.add(new SchoolSpec("THTT-MAU-01", "Trường Tiểu học tư thục Mẫu 01", "P-VIETHUNG",
				EnumSet.of(EducationLevel.TH), Ownership.PRIVATE, null));
		schools.add(new SchoolSpec("THCSTT-MAU-01", "Trường Tiểu học và THCS tư thục Mẫu 01", "P-PHUCLOI",
				EnumSet.of(EducationLevel.TH, EducationLevel.THCS), Ownership.PRIVATE, 2019));
		return schools;
	}

	private static void named(List<SchoolSpec> schools, Map<String, Integer> counts, String code, String name,
			String ward, EducationLevel level) {
		schools.add(new SchoolSpec(code, name, ward, EnumSet.of(level), Ownership.PUBLIC, null));
		counts.merge(ward + level, 1, Integer::sum);
	}

	/** Adds invented schools, each to the ward with the fewest schools of that level. */
	private static void invent(List<SchoolSpec> schools, Map<String, Integer> counts, EducationLevel level, int count,
			int firstNumber, String namePattern, Integer openedYear) {
		for (int i = 0; i < count; i++) {
			var ward = WARDS.stream()
				.min(Comparator.comparingInt((WardSpec w) -> counts.getOrDefault(w.code() + level, 0))
					.thenComparingInt(WARDS::indexOf))
				.orElseThrow();
			counts.merge(ward.code() + level, 1, Integer::sum);
			int number = firstNumber + i;
			var prefix = switch (level) {
				case MN -> "MN";
				case TH -> "TH";
				case THCS -> "THCS";
			};
			schools.add(new SchoolSpec("%s-MAU-%02d".formatted(prefix, number), namePattern.formatted(number),
					ward.code(), EnumSet.of(level), Ownership.PUBLIC, openedYear));
		}
	}

	/**
	 * A ward of the sample district.
	 *
	 * @param code its code
	 * @param name its name
	 */
	record WardSpec(String code, String name) {
	}

	/**
	 * A school of the sample district.
	 *
	 * @param code its code
	 * @param name its name
	 * @param wardCode its ward
	 * @param levels its levels
	 * @param ownership public or private
	 * @param openedYear the start year of the school year it opened, null if older
	 */
	record SchoolSpec(String code, String name, String wardCode, Set<EducationLevel> levels, Ownership ownership,
			Integer openedYear) {

		boolean isOpenIn(int year) {
			return this.openedYear == null || this.openedYear <= year;
		}

	}

}

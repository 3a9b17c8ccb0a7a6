package vn.chitieu.orgunit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SchoolYearRepository extends JpaRepository<SchoolYearEntry, Integer> {

	List<SchoolYearEntry> findAllByOrderByStartYearAsc();

}

package vn.chitieu.orgunit;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SchoolYearRepository extends JpaRepository<SchoolYearEntry, Integer> {

	List<SchoolYearEntry> findAllByOrderByStartYearAsc();

	/**
	 * The year's row, locked until the transaction ends: changes are made one at a time.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select y from SchoolYearEntry y where y.startYear = :startYear")
	Optional<SchoolYearEntry> lockById(int startYear);

}

package vn.chitieu.dataentry;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SubmissionRepository extends JpaRepository<Submission, Long> {

	/**
	 * Locks the submission until the transaction ends: saves of one form happen one at a
	 * time.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Submission s where s.unitId = :unitId and s.schoolYear = :schoolYear")
	Optional<Submission> lockByUnitAndYear(long unitId, int schoolYear);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Submission s where s.id = :id")
	Optional<Submission> lockById(long id);

	Optional<Submission> findByUnitIdAndSchoolYear(long unitId, int schoolYear);

	List<Submission> findByUnitIdOrderBySchoolYearAsc(long unitId);

	List<Submission> findBySchoolYear(int schoolYear);

}

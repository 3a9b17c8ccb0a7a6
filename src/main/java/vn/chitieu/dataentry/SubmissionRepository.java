package vn.chitieu.dataentry;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubmissionRepository extends JpaRepository<Submission, Long> {

	Optional<Submission> findByUnitIdAndSchoolYear(long unitId, int schoolYear);

	List<Submission> findByUnitIdOrderBySchoolYearAsc(long unitId);

	List<Submission> findBySchoolYear(int schoolYear);

}

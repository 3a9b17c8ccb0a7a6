package vn.chitieu.planning;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<PlanEntity, Long> {

	Optional<PlanEntity> findByCodeAndStatus(String code, PlanStatus status);

	Optional<PlanEntity> findByCodeAndNumber(String code, int number);

	List<PlanEntity> findByCodeOrderByNumberDesc(String code);

	List<PlanEntity> findAllByStatusOrderByTargetYearDescCodeAsc(PlanStatus status);

	List<PlanEntity> findAllByStatus(PlanStatus status);

	boolean existsByCode(String code);

}

package vn.chitieu.planning;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<PlanEntity, Long> {

	Optional<PlanEntity> findByCode(String code);

	List<PlanEntity> findAllByOrderByTargetYearDescCodeAsc();

}

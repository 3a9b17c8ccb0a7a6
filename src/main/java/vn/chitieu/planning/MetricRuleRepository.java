package vn.chitieu.planning;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MetricRuleRepository extends JpaRepository<MetricRuleEntity, String> {

	List<MetricRuleEntity> findByOwner(String owner);

}

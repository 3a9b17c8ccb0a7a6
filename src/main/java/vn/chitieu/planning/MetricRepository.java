package vn.chitieu.planning;

import org.springframework.data.jpa.repository.JpaRepository;

interface MetricRepository extends JpaRepository<MetricEntity, String> {

}

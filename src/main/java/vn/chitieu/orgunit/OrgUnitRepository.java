package vn.chitieu.orgunit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

	List<OrgUnit> findByKindOrderByNameAsc(UnitKind kind);

	Optional<OrgUnit> findByCode(String code);

	long countByKind(UnitKind kind);

}

package vn.chitieu.organisation;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OrganisationRepository extends JpaRepository<OrganisationEntity, Short> {

	/** The row, locked until the end of the transaction: changes are serialised. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from OrganisationEntity o where o.id = 1")
	Optional<OrganisationEntity> lockRow();

}

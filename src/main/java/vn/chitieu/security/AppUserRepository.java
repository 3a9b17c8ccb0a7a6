package vn.chitieu.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

	Optional<AppUser> findByUsername(String username);

	boolean existsByRole(Role role);

	List<AppUser> findAllByOrderByRoleAscUsernameAsc();

}

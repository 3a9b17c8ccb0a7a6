package vn.chitieu.security;

import java.util.List;
import java.util.Optional;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

	Optional<AppUser> findByUsername(String username);

	boolean existsByRole(Role role);

	List<AppUser> findAllByOrderByRoleAscUsernameAsc();

	/**
	 * Records a login without touching the row's version: logging in is no edit that an
	 * administrator's open form should be refused over.
	 */
	@Modifying
	@Query(value = "update app_user set last_login_at = :at where username = :username", nativeQuery = true)
	int recordLogin(String username, Instant at);

}

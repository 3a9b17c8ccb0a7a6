package vn.chitieu.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.servlet.FlashMap;

import vn.chitieu.platform.sheets.PendingImports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application keeps in a session goes through the database (Spring Session
 * JDBC), serialised, and may be read back by another instance: each kind survives the
 * round trip.
 */
class SessionAttributesTest {

	@Test
	void shouldKeepTheLoggedInUserThroughSerialisation() throws Exception {
		var user = new CurrentUser(7, "thcs-aimo", "{noop}secret", "Trường THCS Ái Mộ", Role.SCHOOL, 42L, true, false,
				"stamp-1");
		user.eraseCredentials();
		var context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));

		var back = (SecurityContextImpl) roundTrip(context);

		var principal = (CurrentUser) back.getAuthentication().getPrincipal();
		assertThat(principal.getUsername()).isEqualTo("thcs-aimo");
		assertThat(principal.role()).isEqualTo(Role.SCHOOL);
		assertThat(principal.unitId()).isEqualTo(42L);
		assertThat(principal.sessionStamp()).isEqualTo("stamp-1");
		assertThat(principal.getPassword()).as("the hash, erased at login, is not stored").isNull();
		assertThat(back.getAuthentication().getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_SCHOOL");
	}

	@Test
	void shouldKeepAPendingRosterImportAndTheAccountSlipsThroughSerialisation() throws Exception {
		var pending = new PendingImports.Pending<>("token-1", new RosterImport("roster.xlsx", List.of()),
				List.of(new RosterImports.Account("Lê Văn A", "le-van-a", Role.SCHOOL, 42L, "Trường A", "")),
				Instant.parse("2026-11-30T10:00:00Z"));
		var slip = new AccountSlip("Lê Văn A", "Trường A", Role.SCHOOL, "le-van-a", "mat-khau-1");

		assertThat(roundTrip(pending)).isEqualTo(pending);
		assertThat(roundTrip(slip)).isEqualTo(slip);
	}

	@Test
	void shouldKeepTheMessagesShownAfterARedirectThroughSerialisation() throws Exception {
		var flash = new FlashMap();
		flash.put("flash", "Đã lưu.");
		flash.put("uploadProblems", List.of("Ô B3: không phải số").stream().toList());

		assertThat(roundTrip(flash)).isEqualTo(flash);
	}

	private static Object roundTrip(Object value) throws Exception {
		var bytes = new ByteArrayOutputStream();
		try (var out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return in.readObject();
		}
	}

}

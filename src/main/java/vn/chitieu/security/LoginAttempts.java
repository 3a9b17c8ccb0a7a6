package vn.chitieu.security;

import java.time.Duration;
import java.util.Optional;

/**
 * The counts that slow down password guessing: every attempt to prove a password (the
 * login form, HTTP Basic, the current password of a password change) is counted as under
 * way <em>before</em> the password is checked, and as a failure when it was wrong;
 * failures and checks under way count together against the limit, so that guesses sent in
 * parallel cannot check more passwords than the limit, while calls with the right
 * password sent in parallel wait for a moment instead of locking the account.
 * <p>
 * The rules (docs/security.md): after {@code maxFailures} attempts for one user name from
 * one address without a success, that user name is refused from there for the lockout
 * period, even with the right password; after {@code maxFailuresPerAddress} attempts from
 * one address for user names that do not exist, every login from there is. Keyed by name
 * <em>and</em> address, so that nobody elsewhere can lock a user out of their own
 * computer, and an office behind one address is not locked out for one person's mistakes.
 * <p>
 * {@link JdbcLoginAttempts} keeps them in the database, shared by every instance of the
 * application and kept across restarts.
 */
interface LoginAttempts {

	/**
	 * Counts an attempt to prove the password of a user name, before the password is
	 * checked.
	 * @param username the name typed
	 * @param address the client's address
	 * @param knownUser whether a user of that name exists
	 * @return empty if the password may be checked; otherwise how long logging in as that
	 * user from that address stays refused (the attempt is then not counted). The caller
	 * then reports the outcome: {@link #succeeded}, {@link #failed} or
	 * {@link #notChecked}.
	 */
	Optional<Duration> attempt(String username, String address, boolean knownUser);

	/**
	 * Counts an attempt whose password was wrong as a failure; the limit reached locks.
	 * @param username the name typed
	 * @param address the client's address
	 * @param knownUser whether a user of that name exists, as counted
	 */
	void failed(String username, String address, boolean knownUser);

	/**
	 * Takes back an attempt whose password could not be checked (the database could not
	 * be reached): an outage must not lock anyone out.
	 * @param username the name typed
	 * @param address the client's address
	 * @param knownUser whether a user of that name exists, as counted
	 */
	void notChecked(String username, String address, boolean knownUser);

	/**
	 * @param username the name typed
	 * @param address the client's address
	 * @return whether logging in as that user from that address is refused now
	 */
	boolean isLocked(String username, String address);

	/**
	 * Forgets the attempts of a user from an address: the password was right.
	 * @param username the user
	 * @param address the client's address
	 */
	void succeeded(String username, String address);

	/**
	 * Forgets a user's attempts from everywhere: an administrator reset the password.
	 * @param username the user
	 */
	void forget(String username);

}

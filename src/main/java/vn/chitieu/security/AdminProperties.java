package vn.chitieu.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created at start-up when none exists.
 *
 * @param username its login name ({@code CHITIEU_ADMIN_USERNAME})
 * @param password its password ({@code CHITIEU_ADMIN_PASSWORD}); when absent a one-time
 * password is generated, printed once, and must be changed at first login
 */
@ConfigurationProperties("chitieu.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password) {
}

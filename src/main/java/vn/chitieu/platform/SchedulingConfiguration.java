package vn.chitieu.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the application's periodic work ({@code @Scheduled} methods): forgetting old
 * failed-login counts, and the like. Every instance runs them; work that must run once
 * for all instances takes a lock in the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}

/**
 * Setting up a new installation (thiết lập ban đầu): what it still lacks, the guide
 * through the steps, and the banner every page shows until they are done.
 */
@org.springframework.modulith.ApplicationModule(displayName = "First-start setup")
package vn.chitieu.setup;

/**
 * Reading and validating plan definition files (YAML, {@code docs/plan-format.md}). Every
 * problem is reported with the line it is on, as a message key so that the Office reads
 * it in its own language.
 */
@org.springframework.modulith.NamedInterface("definition")
package vn.chitieu.planning.definition;

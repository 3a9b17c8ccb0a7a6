/**
 * The Office's editor of plan drafts in the browser: a new plan's header, each indicator
 * with its measure and target checked by the definition file's own reader, a preview of
 * what an indicator would show on the figures already entered (computed by the progress
 * engine on the draft), publishing and discarding a draft.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plan editor")
package vn.chitieu.planeditor;

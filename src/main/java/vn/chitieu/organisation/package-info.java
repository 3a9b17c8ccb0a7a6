/**
 * The organisation's own settings (thông tin đơn vị): its name, the issuing body printed
 * on its documents, the place of the date line, the signer's title and the usual
 * recipients. Set by the Office or the administrator; every change is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation settings")
package vn.chitieu.organisation;

/** Small value types used everywhere: national number, money, language, validation results. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package be.werkregie.shared;

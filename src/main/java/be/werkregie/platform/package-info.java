/** Technical platform: the embedded PostgreSQL, web layout, language switch and error pages. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package be.werkregie.platform;

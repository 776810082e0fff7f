/**
 * Employment records: the employment-records source that proves results (in production the social-security employment
 * declarations, in the demo a generated feed). Public API: {@link be.werkregie.employment.EmploymentRecords} — record a
 * declaration (idempotent on its source reference) and ask how many days a person was employed in a period. Guidance
 * verifies a claimed placement with it before the result fee can be paid; the chance-of-work model will learn its
 * outcome label (worked at least 28 days within six months) from the same records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Employment records")
package be.werkregie.employment;

package be.werkregie.identity;

public enum OrganisationKind {
    EMPLOYMENT_SERVICE, PES_OFFICE, CAMPUS, PARTNER, CAREER_CENTRE, SOCIAL_SERVICE, MUNICIPALITY, EMPLOYER;

    /** The employment service and its offices and campuses act on the legal basis of the PES, not on a mandate. */
    public boolean isEmploymentService() {
        return this == EMPLOYMENT_SERVICE || this == PES_OFFICE || this == CAMPUS;
    }
}

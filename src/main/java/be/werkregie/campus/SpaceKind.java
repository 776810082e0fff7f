package be.werkregie.campus;

/** What a space is for; each kind has its own day rates (dated policy {@code campus.day-rate.<KIND>.MARKET|COST}). */
public enum SpaceKind {
    CLASSROOM, WORKSHOP, MEETING_ROOM, OPEN_LEARNING_CENTRE, EVENT_HALL, OFFICE, CHILDCARE, TALENT_CENTRE
}

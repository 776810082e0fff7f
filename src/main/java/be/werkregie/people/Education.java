package be.werkregie.people;

/** Highest degree: low = at most lower secondary, medium = upper secondary, high = higher education. */
public enum Education { LOW, MEDIUM, HIGH }

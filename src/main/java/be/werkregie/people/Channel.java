package be.werkregie.people;

/** The ways a message can reach a person. */
public enum Channel { EMAIL, SMS, LETTER, PHONE, FACE_TO_FACE }

package be.werkregie.dossier;

/**
 * Who may read a dossier entry besides the person it is about.
 * SHARED: every organisation working with the person (the employment service and organisations with an active consent).
 * ORGANISATION: only the author's organisation and the employment service.
 * CONFIDENTIAL: only the author's organisation (medical or therapeutic notes, professional secrecy).
 */
public enum Visibility { SHARED, ORGANISATION, CONFIDENTIAL }

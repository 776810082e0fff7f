package be.werkregie.shared;

/** The thing asked for does not exist, or the user may not know that it exists. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}

package be.werkregie.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Evidence files (proofs of formal outputs and results): a PDF, PNG or JPEG recognised by its content, not by the name
 * it was given, and not larger than the configured maximum. Anything else is refused with a field message.
 */
public final class EvidenceFiles {

    private EvidenceFiles() {}

    /** The media type the content really has, or null when it is none of the accepted kinds. */
    public static String mediaType(byte[] b) {
        if (b == null || b.length < 4) {
            return null;
        }
        if (b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
            return "application/pdf";
        }
        if ((b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }

    /** Checks a file that must be present; the name must end in the extension of its real type. */
    public static Validator check(Validator v, String field, String name, byte[] bytes, int maxBytes) {
        if (bytes == null || bytes.length == 0 || name == null || name.isBlank()) {
            return v.add(field, "validation.evidence.missing");
        }
        if (bytes.length > maxBytes) {
            return v.add(field, "validation.evidence.tooLarge", maxBytes / (1024 * 1024));
        }
        String type = mediaType(bytes);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean nameFits = type != null && switch (type) {
            case "application/pdf" -> lower.endsWith(".pdf");
            case "image/png" -> lower.endsWith(".png");
            default -> lower.endsWith(".jpg") || lower.endsWith(".jpeg");
        };
        if (!nameFits) {
            v.add(field, "validation.evidence.type");
        }
        return v.text(field + "Name", name, 200);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package be.werkregie.geo;

/** A municipality of Flanders or Brussels with its centroid. */
public record Municipality(String nis, String nameNl, String nameFr, String provinceCode, String referenceRegion,
                           String postcode, int population, double lat, double lon) {

    public String name(String language) {
        return "fr".equals(language) ? nameFr : nameNl;
    }

    public String label() {
        return postcode + " " + nameNl;
    }
}

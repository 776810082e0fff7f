package be.werkregie.campus;

import be.werkregie.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A campus invoice or credit note as a Peppol BIS Billing 3.0 UBL document (EN 16931; structured e-invoicing between
 * Belgian businesses is mandatory since 1 January 2026). The supplier is the employment service (configuration:
 * {@code werkregie.campus.supplier.*}); the buyer is the agreement's holder, addressed by its Belgian enterprise number
 * (scheme 0208) when it has one, else by e-mail. One VAT category (standard rate of the policy). The test suite
 * validates the documents with the official Peppol schematrons (phive).
 */
@Component
public class CampusEInvoice {

    private final String supplierName;
    private final String supplierNumber;
    private final String supplierStreet;
    private final String supplierCity;
    private final String supplierPostcode;
    private final String supplierIban;

    CampusEInvoice(@Value("${werkregie.campus.supplier.name:VDAB}") String supplierName,
                   @Value("${werkregie.campus.supplier.enterprise-number:0887010362}") String supplierNumber,
                   @Value("${werkregie.campus.supplier.street:Keizerslaan 11}") String supplierStreet,
                   @Value("${werkregie.campus.supplier.city:Brussel}") String supplierCity,
                   @Value("${werkregie.campus.supplier.postcode:1000}") String supplierPostcode,
                   @Value("${werkregie.campus.supplier.iban:BE71096123456769}") String supplierIban) {
        this.supplierName = supplierName;
        this.supplierNumber = supplierNumber;
        this.supplierStreet = supplierStreet;
        this.supplierCity = supplierCity;
        this.supplierPostcode = supplierPostcode;
        this.supplierIban = supplierIban;
    }

    /** The Belgian structured payment reference (+++123/4567/89012+++, modulo 97) of an invoice number. */
    static String structuredReference(int year, int seq) {
        long base = (year % 100) * 100_000_000L + seq; // ten digits
        long check = base % 97 == 0 ? 97 : base % 97;
        String digits = String.format("%010d%02d", base, check);
        return "+++" + digits.substring(0, 3) + "/" + digits.substring(3, 7) + "/" + digits.substring(7) + "+++";
    }

    /** {@code creditedNumber}: for a credit note, the number of the invoice it cancels. */
    public String ubl(CampusInvoices.Invoice inv, List<CampusInvoices.Line> lines, Campuses.Campus campus, Agreement holder, String creditedNumber) {
        boolean credit = inv.kind().equals("CREDIT_NOTE");
        String root = credit ? "CreditNote" : "Invoice";
        BigDecimal rate = lines.isEmpty() ? new BigDecimal("21") : lines.get(0).vatRate();
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append(" xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:")
                .append(root).append("-2\" xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"")
                .append(" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n");
        el(x, "cbc:CustomizationID", "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");
        el(x, "cbc:ProfileID", "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
        el(x, "cbc:ID", inv.number());
        el(x, "cbc:IssueDate", inv.issuedOn().toString());
        if (!credit) {
            el(x, "cbc:DueDate", inv.dueOn().toString());
        }
        el(x, credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode", credit ? "381" : "380");
        el(x, "cbc:Note", campus.name() + (inv.reason() == null ? "" : " · " + inv.reason()));
        el(x, "cbc:DocumentCurrencyCode", "EUR");
        el(x, "cbc:BuyerReference", holder.number());
        x.append("<cac:InvoicePeriod>");
        el(x, "cbc:StartDate", inv.periodFrom().toString());
        el(x, "cbc:EndDate", inv.periodUntil().toString());
        x.append("</cac:InvoicePeriod>\n");
        if (credit && creditedNumber != null) {
            x.append("<cac:BillingReference><cac:InvoiceDocumentReference>");
            el(x, "cbc:ID", creditedNumber);
            x.append("</cac:InvoiceDocumentReference></cac:BillingReference>\n");
        }
        // supplier: the employment service
        x.append("<cac:AccountingSupplierParty><cac:Party>");
        x.append("<cbc:EndpointID schemeID=\"0208\">").append(esc(supplierNumber)).append("</cbc:EndpointID>");
        x.append("<cac:PartyName>");
        el(x, "cbc:Name", supplierName);
        x.append("</cac:PartyName><cac:PostalAddress>");
        el(x, "cbc:StreetName", supplierStreet);
        el(x, "cbc:CityName", supplierCity);
        el(x, "cbc:PostalZone", supplierPostcode);
        x.append("<cac:Country><cbc:IdentificationCode>BE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>");
        x.append("<cac:PartyTaxScheme>");
        el(x, "cbc:CompanyID", "BE" + supplierNumber);
        x.append("<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>");
        x.append("<cac:PartyLegalEntity>");
        el(x, "cbc:RegistrationName", supplierName);
        x.append("<cbc:CompanyID schemeID=\"0208\">").append(esc(supplierNumber)).append("</cbc:CompanyID>");
        x.append("</cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>\n");
        // buyer: the agreement's holder
        String vat = holder.holderVat() == null ? null : holder.holderVat().replace(" ", "").replace(".", "").toUpperCase();
        x.append("<cac:AccountingCustomerParty><cac:Party>");
        if (vat != null) {
            x.append("<cbc:EndpointID schemeID=\"0208\">").append(esc(vat.substring(2))).append("</cbc:EndpointID>");
        } else {
            x.append("<cbc:EndpointID schemeID=\"EM\">").append(esc(holder.holderEmail() == null ? "factuur@onbekend.example" : holder.holderEmail()))
                    .append("</cbc:EndpointID>");
        }
        x.append("<cac:PartyName>");
        el(x, "cbc:Name", holder.holderName());
        x.append("</cac:PartyName><cac:PostalAddress><cac:Country><cbc:IdentificationCode>BE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>");
        if (vat != null) {
            x.append("<cac:PartyTaxScheme>");
            el(x, "cbc:CompanyID", vat);
            x.append("<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>");
        }
        x.append("<cac:PartyLegalEntity>");
        el(x, "cbc:RegistrationName", holder.holderName());
        x.append("</cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>\n");
        if (!credit) {
            x.append("<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>");
            el(x, "cbc:PaymentID", structuredReference(inv.issuedOn().getYear(), Integer.parseInt(inv.number().substring(5))));
            x.append("<cac:PayeeFinancialAccount>");
            el(x, "cbc:ID", supplierIban);
            x.append("</cac:PayeeFinancialAccount></cac:PaymentMeans>\n");
        }
        x.append("<cac:TaxTotal>");
        amount(x, "cbc:TaxAmount", inv.vat());
        x.append("<cac:TaxSubtotal>");
        amount(x, "cbc:TaxableAmount", inv.net());
        amount(x, "cbc:TaxAmount", inv.vat());
        x.append("<cac:TaxCategory><cbc:ID>S</cbc:ID>");
        el(x, "cbc:Percent", rate.stripTrailingZeros().toPlainString());
        x.append("<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>\n");
        x.append("<cac:LegalMonetaryTotal>");
        amount(x, "cbc:LineExtensionAmount", inv.net());
        amount(x, "cbc:TaxExclusiveAmount", inv.net());
        amount(x, "cbc:TaxInclusiveAmount", inv.total());
        amount(x, "cbc:PayableAmount", inv.total());
        x.append("</cac:LegalMonetaryTotal>\n");
        for (CampusInvoices.Line l : lines) {
            x.append(credit ? "<cac:CreditNoteLine>" : "<cac:InvoiceLine>");
            el(x, "cbc:ID", String.valueOf(l.position()));
            x.append(credit ? "<cbc:CreditedQuantity" : "<cbc:InvoicedQuantity").append(" unitCode=\"").append(unitCode(l.source())).append("\">")
                    .append(l.quantity().stripTrailingZeros().toPlainString()).append(credit ? "</cbc:CreditedQuantity>" : "</cbc:InvoicedQuantity>");
            amount(x, "cbc:LineExtensionAmount", l.net());
            x.append("<cac:Item>");
            el(x, "cbc:Name", l.description().length() > 200 ? l.description().substring(0, 200) : l.description());
            x.append("<cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID>");
            el(x, "cbc:Percent", l.vatRate().stripTrailingZeros().toPlainString());
            x.append("<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>");
            x.append("<cac:Price>");
            amount(x, "cbc:PriceAmount", l.unitPrice());
            x.append("</cac:Price>");
            x.append(credit ? "</cac:CreditNoteLine>\n" : "</cac:InvoiceLine>\n");
        }
        x.append("</").append(root).append(">\n");
        return x.toString();
    }

    /** UN/ECE recommendation 20: m² for dedicated space, a month for rent and costs, one (C62) for a booking or a settlement. */
    static String unitCode(String source) {
        return switch (source) {
            case "DEDICATED" -> "MTK";
            case "RENT", "COSTS" -> "MON";
            default -> "C62";
        };
    }

    private static void el(StringBuilder x, String name, String value) {
        x.append('<').append(name).append('>').append(esc(value)).append("</").append(name).append('>');
    }

    private static void amount(StringBuilder x, String name, Money m) {
        x.append('<').append(name).append(" currencyID=\"EUR\">").append(m.amount().toPlainString()).append("</").append(name).append('>');
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}

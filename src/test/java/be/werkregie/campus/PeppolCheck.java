package be.werkregie.campus;

import static org.assertj.core.api.Assertions.assertThat;

import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2024_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Validates a UBL document with the official Peppol BIS Billing 3.0 rules (EN 16931 and Peppol schematrons, via phive). */
final class PeppolCheck {

    private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = new ValidationExecutorSetRegistry<>();

    static {
        PeppolValidation.initStandard(REGISTRY);
    }

    private PeppolCheck() {}

    static void assertValid(String xml, boolean creditNote) {
        IValidationExecutorSet<IValidationSourceXML> set = REGISTRY.getOfID(creditNote ? PeppolValidation2024_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3
                : PeppolValidation2024_05.VID_OPENPEPPOL_INVOICE_UBL_V3);
        assertThat(set).isNotNull();
        ValidationResultList result = ValidationExecutionManager.executeValidation(IValidityDeterminator.createDefault(), set,
                ValidationSourceXML.create(new com.helger.commons.io.resource.inmemory.ReadableResourceByteArray(xml.getBytes(StandardCharsets.UTF_8))));
        List<String> errors = new ArrayList<>();
        result.forEachFlattened(e -> {
            if (e.isError()) {
                errors.add(e.getErrorID() + " " + e.getErrorText(java.util.Locale.ENGLISH) + " @ " + e.getErrorFieldName());
            }
        });
        assertThat(errors).as("Peppol BIS 3.0 errors in\n" + xml).isEmpty();
    }
}

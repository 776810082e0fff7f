package be.werkregie.shared;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form bound from an HTML request: a record whose components are the form's fields as the user typed them (text, so
 * binding itself never fails), with a method that reads them into the typed input of a service through a
 * {@link FormReader}, which reports <em>every</em> malformed field at once. {@link #values()} gives the typed text back to
 * the page, so a refused form is shown again with what the user entered.
 */
public interface FormObject {

    /** The fields by name, as typed (for refilling the form after a refusal). */
    default Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (getClass().isRecord()) {
            for (RecordComponent c : getClass().getRecordComponents()) {
                try {
                    java.lang.reflect.Method accessor = c.getAccessor();
                    accessor.setAccessible(true); // forms are package-private records of their module
                    Object v = accessor.invoke(this);
                    if (v != null) {
                        out.put(c.getName(), v);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}

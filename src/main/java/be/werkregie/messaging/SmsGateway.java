package be.werkregie.messaging;

/**
 * Where SMS messages go. The default keeps them in the outbox for an operator to export to the SMS provider's
 * upload (CSV); a provider integration implements this interface and returns true when the provider accepted it.
 */
public interface SmsGateway {
    /** @return true when the SMS left the platform, false when it waits in the outbox for export */
    boolean send(String phone, String text);
}

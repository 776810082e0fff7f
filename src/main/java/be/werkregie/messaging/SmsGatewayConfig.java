package be.werkregie.messaging;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SmsGatewayConfig {

    @Bean
    @ConditionalOnMissingBean(SmsGateway.class)
    SmsGateway outboxSmsGateway() {
        return (phone, text) -> false;
    }
}

package be.werkregie.platform;

import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * The module events that partner systems may receive through a broker, by configuration only: set
 * {@code werkregie.events.externalize=true}, add the Spring Modulith module of the broker (for example
 * {@code spring-modulith-events-kafka} or {@code -amqp}) and its connection settings. Events go from the outbox (the
 * event publication registry in PostgreSQL) to the topic {@code werkregie.<module>}, so a crash never loses one.
 * Only these past-tense facts are selected; messages with contact data never leave the platform.
 */
@Configuration
@ConditionalOnProperty(name = "werkregie.events.externalize", havingValue = "true")
class EventExternalization {

    static final Set<String> EXTERNAL = Set.of("VoucherIssued", "SessionRegistered", "VoucherClosed", "PaymentRunCompleted",
            "TrajectoryStarted", "TrajectoryEnded", "OutputRegistered", "ResultVerified", "HandoverCreated", "HandoverAcknowledged");

    @Bean
    EventExternalizationConfiguration eventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> EXTERNAL.contains(event.getClass().getSimpleName()))
                .routeAll(event -> RoutingTarget.forTarget("werkregie." + module(event.getClass())).withoutKey())
                .build();
    }

    static String module(Class<?> type) {
        String p = type.getPackageName();
        return p.substring(p.lastIndexOf('.') + 1);
    }
}

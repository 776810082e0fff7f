package be.werkregie;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/** Werkregie: one deployable, modules per domain area (see docs/architecture.md). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@org.springframework.scheduling.annotation.EnableScheduling
@Modulithic(sharedModules = {"shared", "platform"})
public class WerkregieApplication {

    public static void main(String[] args) {
        SpringApplication.run(WerkregieApplication.class, args);
    }
}

package com.echamado;

import com.echamado.platform.ops.DataVerification;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EChamadoApplication {

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains(DataVerification.FLAG)) {
            System.exit(DataVerification.run(args));
        }
        SpringApplication.run(EChamadoApplication.class, args);
    }
}

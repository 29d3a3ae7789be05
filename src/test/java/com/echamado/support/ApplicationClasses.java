package com.echamado.support;

import com.echamado.EChamadoApplication;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.lang.reflect.Field;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The application's classes, imported by ArchUnit once per test run and shared by every test that reads them:
 * Spring Modulith's module model and the ArchUnit rules check the same import.
 */
public final class ApplicationClasses {

    /** The modules, as Spring Modulith detects them (it imports the production classes, tests excluded). */
    public static final ApplicationModules MODULES = ApplicationModules.of(EChamadoApplication.class);

    /** The classes of that same import, for ArchUnit rules. */
    public static final JavaClasses CLASSES = importedBy(MODULES);

    private ApplicationClasses() {}

    /**
     * Modulith keeps its import private; reading it saves a second import of every class (seconds per run). Should a
     * Modulith upgrade rename the field, this fails loudly instead of silently importing twice.
     */
    private static JavaClasses importedBy(ApplicationModules modules) {
        try {
            Field field = ApplicationModules.class.getDeclaredField("allClasses");
            field.setAccessible(true);
            return (JavaClasses) field.get(modules);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Spring Modulith no longer holds its classes in 'allClasses'", e);
        }
    }
}

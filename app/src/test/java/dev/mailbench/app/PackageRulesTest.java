package dev.mailbench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The app's packages depend on each other in one direction (DESIGN.md: no package cycles, app included).
 * Each package is a slice of its own, {@code dev.mailbench.app} itself too, so a sub-package that reaches
 * back to the window's root counts as a cycle. Main code only.
 */
@AnalyzeClasses(packages = "dev.mailbench.app", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchRule noCyclesBetweenAppPackages = slices().matching("dev.mailbench.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule caseIsChangedWithoutTheUsersLocale = noClasses()
            .should().callMethod(String.class, "toLowerCase")
            .orShould().callMethod(String.class, "toUpperCase")
            .because("protocol words and file extensions are ASCII: in a Turkish locale \"quit\".toUpperCase()"
                    + " is \"QUİT\"; say Locale.ROOT");
}

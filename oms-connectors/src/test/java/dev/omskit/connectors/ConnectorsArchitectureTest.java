package dev.omskit.connectors;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture of oms-connectors: it depends on oms-core only of omskit, and reaches the core through
 * its public API, never its internals.
 */
@AnalyzeClasses(packages = "dev.omskit.connectors", importOptions = ImportOption.DoNotIncludeTests.class)
class ConnectorsArchitectureTest {
    @ArchTest
    static final ArchRule connectors_dependOnlyOnCoreOfOmskit = classes()
            .should()
            .onlyDependOnClassesThat(resideOutsideOfPackage("dev.omskit..")
                    .or(resideInAnyPackage("dev.omskit.connectors..", "dev.omskit.core..")))
            .because("ARCHITECTURE.md: oms-connectors -> oms-core, nothing else of ours");

    @ArchTest
    static final ArchRule connectors_useNoCoreInternals = noClasses()
            .should()
            .dependOnClassesThat(resideInAnyPackage("dev.omskit.core.internal.."))
            .because("connectors drive the core through its facades like any host");

    @ArchTest
    static final ArchRule packages_areFreeOfCycles =
            slices().matching("dev.omskit.connectors.(*)..").should().beFreeOfCycles();
}

package dev.omskit.routing;

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
 * The architecture of oms-routing: it depends on oms-core only, does no I/O inside decisions (no JDBC, no
 * HTTP, no files outside the profile loader), and keeps Jackson inside the profile loader.
 */
@AnalyzeClasses(packages = "dev.omskit.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class RoutingArchitectureTest {
    @ArchTest
    static final ArchRule routing_dependsOnlyOnCoreOfOmskit = classes()
            .should()
            .onlyDependOnClassesThat(resideOutsideOfPackage("dev.omskit..")
                    .or(resideInAnyPackage("dev.omskit.routing..", "dev.omskit.core..")))
            .because("ARCHITECTURE.md: oms-routing -> oms-core, nothing else of ours");

    @ArchTest
    static final ArchRule routing_usesNoJdbcOrHttp = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "java.net.http..")
            .because("a routing decision does no I/O: availability is read once, before deciding");

    @ArchTest
    static final ArchRule jackson_onlyInTheProfileLoader = noClasses()
            .that()
            .resideOutsideOfPackage("dev.omskit.routing.profile..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.fasterxml..")
            .because("profiles are data read by the loader; the engine works on typed rules");

    @ArchTest
    static final ArchRule rules_doNotDependOnTheEngine = noClasses()
            .that()
            .resideInAPackage("dev.omskit.routing.rule..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.omskit.routing.profile..", "dev.omskit.routing.promise..", "dev.omskit.routing.simulation..")
            .because("rules are the bottom layer: profiles, promises and simulations are built from them");

    @ArchTest
    static final ArchRule packages_areFreeOfCycles =
            slices().matching("dev.omskit.routing.(*)..").should().beFreeOfCycles();
}

package dev.omskit.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.omskit.core.internal.OrderDecider;
import dev.omskit.core.internal.OrderEvolver;
import dev.omskit.core.internal.RequestValidator;
import dev.omskit.core.support.Checks;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The architecture of oms-core, checked on its production classes (the test tree is not imported). Rules
 * keep the layering of ARCHITECTURE.md: {@code support} and {@code error} at the bottom, no cycles.
 */
@AnalyzeClasses(packages = "dev.omskit.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // ------------------------------------------------------------------------- forbidden libraries

    @ArchTest
    static final ArchRule core_usesNoJdbc = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.sql..")
            .because("storage belongs behind the SPI, in separate modules");

    @ArchTest
    static final ArchRule core_usesNoHttpClient = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.net.http..")
            .because("the core does no network I/O");

    @ArchTest
    static final ArchRule core_usesNoJackson = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.fasterxml..")
            .because("serialisation formats are the hosts' and adapters' business");

    @ArchTest
    static final ArchRule publicApi_exposesNoGuava = methods()
            .that()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .resideOutsideOfPackage("dev.omskit.core.internal..")
            .should(useNoTypeFrom("com.google"))
            .because("Guava types in the API would force Guava on every host");

    /** No parameter or return type of the method (generic arguments included) lies in {@code packagePrefix}. */
    private static ArchCondition<JavaMethod> useNoTypeFrom(String packagePrefix) {
        return new ArchCondition<>("declare no parameter or return type from " + packagePrefix + "..") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Set<String> offending = Stream.concat(
                                method.getReturnType().getAllInvolvedRawTypes().stream(),
                                method.getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()))
                        .map(JavaClass::getName)
                        .filter(name -> name.startsWith(packagePrefix + "."))
                        .collect(Collectors.toCollection(TreeSet::new));
                if (!offending.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(
                            method, method.getFullName() + " exposes " + String.join(", ", offending)));
                }
            }
        };
    }

    // ---------------------------------------------------------------------------- package layering

    @ArchTest
    static final ArchRule packages_areFreeOfCycles =
            slices().matching("dev.omskit.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule model_dependsOnlyOnErrorAndSupport = classes()
            .that()
            .resideInAPackage("dev.omskit.core.model..")
            .should()
            .onlyDependOnClassesThat(resideOutsideOfPackage("dev.omskit..")
                    .or(resideInAnyPackage(
                            "dev.omskit.core.model..", "dev.omskit.core.error..", "dev.omskit.core.support..")))
            .because("the small values are the bottom layer of the domain");

    @ArchTest
    static final ArchRule lifecycle_dependsOnlyOnError = classes()
            .that()
            .resideInAPackage("dev.omskit.core.lifecycle..")
            .should()
            .onlyDependOnClassesThat(resideOutsideOfPackage("dev.omskit..")
                    .or(resideInAnyPackage("dev.omskit.core.lifecycle..", "dev.omskit.core.error..")))
            .because("the state-machine engine is generic and knows nothing of orders");

    @ArchTest
    static final ArchRule spi_usesOnlyTheSharedHelpersOfInternal = noClasses()
            .that()
            .resideInAPackage("dev.omskit.core.spi..")
            .should()
            .dependOnClassesThat(resideInAPackage("dev.omskit.core.internal..")
                    .and(not(belongToAnyOf(Checks.class, OmsStyle.class))))
            .because("storage implementers must not be coupled to the command pipeline");

    @ArchTest
    static final ArchRule spi_doesNotUseThePipeline = noClasses()
            .that()
            .resideInAPackage("dev.omskit.core.spi..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(OrderDecider.class, OrderEvolver.class, RequestValidator.class);

    @ArchTest
    static final ArchRule facade_isUsedOnlyByRootAndInternal = noClasses()
            .that()
            .resideOutsideOfPackages("dev.omskit.core", "dev.omskit.core.internal..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(Oms.class)
            .because("the domain, the commands and the SPI must not reach back up to the facade");

    // --------------------------------------------------------------------------------------- time

    @ArchTest
    static final ArchRule time_comesOnlyFromAnInjectedClock = noClasses()
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .because("every timestamp comes from the Clock given to Oms.builder(), so tests can fix time");
}

package dev.omskit.core.lifecycle;

import static dev.omskit.core.lifecycle.Samples.ALLOCATE;
import static dev.omskit.core.lifecycle.Samples.ALLOCATED;
import static dev.omskit.core.lifecycle.Samples.CREATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.lifecycle.Samples.Ctx;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Diagram export")
class LifecycleDiagramTest {

    @Nested
    @DisplayName("toMermaid")
    class Mermaid {
        @Test
        @DisplayName("writes a stateDiagram-v2 with the title, initial arrows, labelled transitions and final arrows")
        void toMermaid_sampleOrder_exactText() {
            assertThat(Samples.order().toMermaid())
                    .isEqualTo(
                            """
                            ---
                            title: order
                            ---
                            stateDiagram-v2
                                [*] --> CREATED
                                CREATED --> ALLOCATED : ALLOCATE [notOnHold, paid] / reserveStock
                                CREATED --> CANCELLED : CANCEL
                                ALLOCATED --> SHIPPED : SHIP
                                ALLOCATED --> CANCELLED : CANCEL / releaseStock
                                SHIPPED --> DELIVERED : DELIVER
                                DELIVERED --> RETURNED : RETURN
                                DELIVERED --> [*]
                                RETURNED --> [*]
                                CANCELLED --> [*]
                            """);
        }

        @Test
        @DisplayName("lists several initial states and several actions, and is the same every time")
        void toMermaid_severalInitialsAndActions_exactTextAndDeterministic() {
            State draft = State.of("DRAFT");
            Lifecycle<Ctx> lifecycle = Lifecycle.<Ctx>builder("small")
                    .state(draft, CREATED, ALLOCATED)
                    .initial(draft, CREATED)
                    .finalStates(ALLOCATED)
                    .transition(draft, Trigger.of("SUBMIT"), CREATED)
                    .transition(
                            CREATED,
                            ALLOCATE,
                            ALLOCATED,
                            List.of(),
                            List.of(Samples.RESERVE_STOCK, Samples.RELEASE_STOCK))
                    .build();

            String expected =
                    """
                    ---
                    title: small
                    ---
                    stateDiagram-v2
                        [*] --> DRAFT
                        [*] --> CREATED
                        DRAFT --> CREATED : SUBMIT
                        CREATED --> ALLOCATED : ALLOCATE / reserveStock, releaseStock
                        ALLOCATED --> [*]
                    """;
            assertThat(lifecycle.toMermaid()).isEqualTo(expected);
            assertThat(lifecycle.toMermaid())
                    .isEqualTo(lifecycle.toBuilder().build().toMermaid());
        }
    }

    @Nested
    @DisplayName("toDot")
    class Dot {
        @Test
        @DisplayName("writes a digraph with a start point, every state in rank order and labelled edges")
        void toDot_sampleOrder_exactText() {
            assertThat(Samples.order().toDot())
                    .isEqualTo(
                            """
                            digraph "order" {
                                rankdir=LR;
                                node [shape=box, style=rounded];
                                "__start" [shape=point, label=""];
                                "CREATED";
                                "ALLOCATED";
                                "SHIPPED";
                                "DELIVERED" [peripheries=2];
                                "RETURNED" [peripheries=2];
                                "CANCELLED" [peripheries=2];
                                "__start" -> "CREATED";
                                "CREATED" -> "ALLOCATED" [label="ALLOCATE [notOnHold, paid] / reserveStock"];
                                "CREATED" -> "CANCELLED" [label="CANCEL"];
                                "ALLOCATED" -> "SHIPPED" [label="SHIP"];
                                "ALLOCATED" -> "CANCELLED" [label="CANCEL / releaseStock"];
                                "SHIPPED" -> "DELIVERED" [label="DELIVER"];
                                "DELIVERED" -> "RETURNED" [label="RETURN"];
                            }
                            """);
        }

        @Test
        @DisplayName("escapes double quotes and backslashes in the name and the labels")
        void toDot_whenNamesHaveQuotesAndBackslashes_escapesThem() {
            Guard<Ctx> quoted = Guard.of("say \"hi\"", c -> true, c -> "");
            Action<Ctx> slashed = Action.of("a\\b", c -> {});
            Lifecycle<Ctx> lifecycle = Lifecycle.<Ctx>builder("my \"flow\" \\ v2")
                    .state(CREATED, ALLOCATED)
                    .initial(CREATED)
                    .finalStates(ALLOCATED)
                    .transition(CREATED, ALLOCATE, ALLOCATED, List.of(quoted), List.of(slashed))
                    .build();

            assertThat(lifecycle.toDot())
                    .isEqualTo(
                            """
                            digraph "my \\"flow\\" \\\\ v2" {
                                rankdir=LR;
                                node [shape=box, style=rounded];
                                "__start" [shape=point, label=""];
                                "CREATED";
                                "ALLOCATED" [peripheries=2];
                                "__start" -> "CREATED";
                                "CREATED" -> "ALLOCATED" [label="ALLOCATE [say \\"hi\\"] / a\\\\b"];
                            }
                            """);
        }

        @Test
        @DisplayName("is the same text every time for the same lifecycle")
        void toDot_isDeterministic() {
            assertThat(Samples.order().toDot())
                    .isEqualTo(Samples.order().toDot())
                    .isEqualTo(Samples.order().toBuilder().build().toDot());
        }
    }
}

package io.dayuan.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.dayuan.shape.CodeShape.Source;

/** The code-shape rules on small samples: each finds what it must, and passes clean code, so none passes blindly. */
class CodeShapeRulesTest {

    private static List<Source> one(String path, String text) {
        return List.of(new Source(path, text));
    }

    private static String lines(int count) {
        return "class A {\n" + "    int x;\n".repeat(count - 2) + "}\n";
    }

    @Test
    void aClassOver400LinesIsFoundAndOneOf400IsNot() {
        assertThat(lines(400).lines().count()).isEqualTo(400);
        assertThat(CodeShape.longClasses(one("io/dayuan/a/A.java", lines(400)))).isEmpty();
        assertThat(CodeShape.longClasses(one("io/dayuan/a/A.java", lines(401))))
                .containsExactly("io/dayuan/a/A.java: 401 lines");
    }

    @Test
    void lambdasNestedInsideEachOtherCountOneLevelEach() {
        assertThat(JavaText.deepestLambda("class A { void f() { int x = 1; } }")).isZero();
        assertThat(JavaText.deepestLambda("a.map(x -> x + 1);")).isEqualTo(1);
        assertThat(JavaText.deepestLambda("a.chain(x -> b.map(y -> c.call(z -> z)));")).isEqualTo(3);
        assertThat(JavaText.deepestLambda("a.chain(x -> b.map(y -> c.call(z -> d.on(w -> w))));")).isEqualTo(4);
        assertThat(JavaText.deepestLambda("""
                a.chain(x -> {
                    return b.chain(y -> {
                        return c.chain(z -> {
                            return d.map(w -> w);
                        });
                    });
                });
                """)).isEqualTo(4);
        // the MealService#plan: seven levels, ending })))))));
        assertThat(JavaText.deepestLambda("s(a -> t(b -> u(c -> v(d -> w(e -> x(f -> y(g -> {\n})))))));")).isEqualTo(7);
    }

    @Test
    void siblingAndSuccessiveLambdasDoNotAddUp() {
        assertThat(JavaText.deepestLambda("a.map(x -> 1, y -> 2).map(z -> 3).map(w -> { return 4; });"))
                .isEqualTo(1);
        assertThat(JavaText.deepestLambda("""
                a.chain(x -> b.map(y -> c.call(z -> z)))
                        .chain(x -> b.map(y -> c.call(z -> z)))
                        .chain(x -> b.map(y -> c.call(z -> z)));
                Runnable r = () -> go();
                Runnable s = () -> go();
                """)).isEqualTo(3);
        // an expression lambda ends at the comma of its level, so the next argument's lambda is not inside it
        assertThat(JavaText.deepestLambda("f(x -> g(y -> y), z -> h(w -> w))")).isEqualTo(2);
        // a ternary's colon stays inside the lambda
        assertThat(JavaText.deepestLambda("f(x -> x ? g(y -> h(z -> z)) : k(y -> h(z -> z)))")).isEqualTo(3);
    }

    @Test
    void switchRulesCommentsAndLiteralsAreNoLambdas() {
        assertThat(JavaText.deepestLambda("""
                a.map(x -> switch (x) {
                    case 1 -> b.map(y -> c.map(z -> z));
                    case 2, 3 -> { yield 2; }
                    default -> 0;
                });
                """)).isEqualTo(3);
        assertThat(JavaText.deepestLambda("""
                // a -> b -> c -> d -> e
                /* a.map(x -> b.map(y -> c.map(z -> d.map(w -> w)))) */
                String s = "x -> { y -> { z -> { w -> {";
                char c = '{';
                String t = \"""
                    a -> b -> c -> d -> e
                    \""";
                f(x -> g(y -> h(z -> z)));
                """)).isEqualTo(3);
        assertThat(JavaText.deepestLambda("int i = 9; while (i-->0) { f(x -> x); }")).isEqualTo(1);
    }

    @Test
    void onlyServicesAreHeldToTheLambdaDepthAndTheLineIsNamed() {
        String deep = "class S {\n  void f() {\n    a(x -> b(y -> c(z -> d(w -> w))));\n  }\n}\n";
        assertThat(CodeShape.deepLambdasInServices(one("io/dayuan/rooms/service/S.java", deep)))
                .containsExactly("io/dayuan/rooms/service/S.java:3: lambda at depth 4");
        assertThat(CodeShape.deepLambdasInServices(one("io/dayuan/rooms/RoomApi.java", deep))).isEmpty();
        String three = "class S {\n  void f() {\n    a(x -> b(y -> c(z -> z)));\n  }\n}\n";
        assertThat(CodeShape.deepLambdasInServices(one("io/dayuan/rooms/service/S.java", three))).isEmpty();
    }

    @Test
    void platformReferringToAFeatureIsFoundByImportOrFullName() {
        assertThat(CodeShape.platformReachingIntoFeatures(one("io/dayuan/platform/dev/T.java",
                "package io.dayuan.platform.dev;\n\nimport io.dayuan.people.repository.PersonRepository;\n")))
                .containsExactly("io/dayuan/platform/dev/T.java:3: refers to io.dayuan.people");
        assertThat(CodeShape.platformReachingIntoFeatures(one("io/dayuan/platform/T.java",
                "class T { Object o = new io.dayuan.rooms.Room(); }"))).hasSize(1);
        assertThat(CodeShape.platformReachingIntoFeatures(one("io/dayuan/platform/T.java",
                "package io.dayuan.platform;\nimport io.dayuan.platform.events.Events;\n"
                        + "class T { Logger l = Logger.getLogger(\"io.dayuan.graphql.request\"); } // io.dayuan.rooms\n")))
                .isEmpty();
        assertThat(CodeShape.platformReachingIntoFeatures(one("io/dayuan/rooms/T.java",
                "import io.dayuan.people.Person;"))).isEmpty();
    }

    @Test
    void theSystemClockIsReadOnlyInPlatformClock() {
        String reads = "class T {\n  Object a = OffsetDateTime.now();\n  Object b = Instant.now();\n"
                + "  Object c = LocalDate.now(zone);\n  Object d = java.time.LocalDateTime.now();\n"
                + "  Object e = ZonedDateTime.now(clock);\n}\n";
        assertThat(CodeShape.systemClockReads(one("io/dayuan/rooms/T.java", reads))).containsExactly(
                "io/dayuan/rooms/T.java:2: OffsetDateTime.now(", "io/dayuan/rooms/T.java:3: Instant.now(",
                "io/dayuan/rooms/T.java:4: LocalDate.now(", "io/dayuan/rooms/T.java:5: LocalDateTime.now(",
                "io/dayuan/rooms/T.java:6: ZonedDateTime.now(");
        assertThat(CodeShape.systemClockReads(one("io/dayuan/platform/Clock.java", reads))).isEmpty();
        assertThat(CodeShape.systemClockReads(one("io/dayuan/rooms/T.java",
                "class T { // never OffsetDateTime.now()\n Object a = clock.now(); Object b = MyInstant.now(); }")))
                .isEmpty();
    }

    static Stream<Arguments> annotationAndCallRules() {
        return Stream.of(
                Arguments.of((Function<List<Source>, List<String>>) CodeShape::panacheTransactions,
                        "class S {\n Uni<Void> f() { return Panache.withTransaction(() -> go()); } }",
                        List.of("io/dayuan/a/S.java:2: Panache.withTransaction("),
                        "class S { @WithTransaction Uni<Void> f() { return go(); } } // not Panache.withTransaction("),
                Arguments.of((Function<List<Source>, List<String>>) CodeShape::configProperties,
                        "class S {\n  @ConfigProperty(name = \"x\")\n  int x;\n"
                                + "  @org.eclipse.microprofile.config.inject.ConfigProperty(name = \"y\") int y;\n}",
                        List.of("io/dayuan/a/S.java:2: @ConfigProperty",
                                "io/dayuan/a/S.java:4: @org.eclipse.microprofile.config.inject.ConfigProperty"),
                        "@ConfigMapping(prefix = \"dayuan.a\")\ninterface S { @WithDefault(\"1\") int x(); } // @ConfigProperty"));
    }

    /** Hand-opened transactions and {@code @ConfigProperty}: found with their lines; the convention passes. */
    @ParameterizedTest
    @MethodSource("annotationAndCallRules")
    void aBreachIsFoundWithItsLineAndTheConventionPasses(Function<List<Source>, List<String>> rule, String breach,
            List<String> found, String convention) {
        assertThat(rule.apply(one("io/dayuan/a/S.java", breach))).containsExactlyElementsOf(found);
        assertThat(rule.apply(one("io/dayuan/a/S.java", convention))).isEmpty();
    }
}

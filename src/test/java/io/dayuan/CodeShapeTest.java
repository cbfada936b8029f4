package io.dayuan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.dayuan.shape.CodeShape;
import io.dayuan.shape.CodeShape.Source;

/**
 * The main code keeps the shape the README's "Code layout" sets (issue #11). A plain JUnit test: it reads the files
 * under {@code src/main/java}, no Quarkus boot. Each rule is proven on samples in {@code CodeShapeRulesTest}.
 */
class CodeShapeTest {

    private static List<Source> main;

    @BeforeAll
    static void readMainSources() {
        main = CodeShape.read(Path.of("src/main/java"));
        assertThat(main).as("the main sources (the test runs from the project's folder)").hasSizeGreaterThan(100);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("no class is over 400 lines", CodeShape::longClasses),
                rule("no service nests lambdas deeper than three", CodeShape::deepLambdasInServices),
                rule("platform imports no feature", CodeShape::platformReachingIntoFeatures),
                rule("only platform/Clock reads the system clock", CodeShape::systemClockReads),
                rule("transactions are declared with @WithTransaction", CodeShape::panacheTransactions),
                rule("configuration is read through @ConfigMapping", CodeShape::configProperties));
    }

    private static Arguments rule(String name, Function<List<Source>, List<String>> breaches) {
        return Arguments.of(name, breaches);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theMainCodeKeepsTheRule(String rule, Function<List<Source>, List<String>> breaches) {
        assertThat(breaches.apply(main)).as(rule).isEmpty();
    }
}
